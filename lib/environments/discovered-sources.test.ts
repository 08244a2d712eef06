import { describe, expect, it } from "vitest";
import type { DeploymentConfig } from "@/lib/config/config-schema";
import { type CollectedSource, DiscoveredSources } from "./discovered-sources";
import {
  type DiscoveredDeployment,
  discoveredDeployments,
  type PlusDeploymentWire,
} from "./plus-discovery";
import { branch, deployment } from "./plus-wire-fixtures";

// The lifecycle of discovered Dagster+ deployments, with Dagster+'s answers as
// wire documents (read by the real discoveredDeployments) and fake sources that
// record when they are started and stopped.

const ORG = "https://acme.dagster.cloud/prod/graphql";
const prodConfig: DeploymentConfig = {
  name: "prod",
  kind: "plus",
  graphqlUrl: ORG,
  tokenEnv: "DAGSTER_CLOUD_TOKEN",
  environment: "prod",
  discoverDeployments: true,
};

const full = (name: string) => deployment(name);

class FakeSource implements CollectedSource {
  started = 0;
  stopped = 0;
  constructor(
    readonly deployment: string,
    readonly config: DeploymentConfig,
  ) {}
  async start() {
    this.started++;
  }
  stop() {
    this.stopped++;
  }
}

function harness(configured: DeploymentConfig[] = [prodConfig]) {
  let answer: PlusDeploymentWire[] | Error = [];
  const made: FakeSource[] = [];
  const changes: string[][] = [];
  const sources = new DiscoveredSources<FakeSource>({
    from: prodConfig,
    configured,
    discover: async (): Promise<DiscoveredDeployment[]> => {
      if (answer instanceof Error) throw answer;
      const fulls = answer.filter((d) => !d.isBranchDeployment);
      const branches = answer.filter((d) => d.isBranchDeployment);
      return discoveredDeployments(ORG, {
        fullDeployments: fulls,
        branchDeployments: { nodes: branches },
      });
    },
    makeSource: (config) => {
      const s = new FakeSource(config.name, config);
      made.push(s);
      return s;
    },
    onChange: (collected) => changes.push(collected.map((c) => c.config.name)),
  });
  return {
    sources,
    made,
    changes,
    answer: (a: PlusDeploymentWire[] | Error) => {
      answer = a;
    },
  };
}

describe("discovered Dagster+ deployments are collected", () => {
  it("starts a collector for each deployment found, except the one configured already", async () => {
    const h = harness();
    h.answer([full("prod"), full("staging"), branch("pr-7", "OPEN", 123)]);
    await h.sources.refresh();
    const collected = h.sources.collected();
    expect(collected.map((c) => [c.config.name, c.config.environment])).toEqual([
      ["staging", "staging"],
      ["pr-7", "branch"],
    ]);
    expect(h.made.map((s) => s.started)).toEqual([1, 1]);
    const pr = collected[1];
    expect(pr?.config).toMatchObject({
      kind: "plus",
      graphqlUrl: "https://acme.dagster.cloud/pr-7/graphql",
      tokenEnv: "DAGSTER_CLOUD_TOKEN",
    });
    expect(pr?.found.branch?.name).toBe("feature/pr-7");
    expect(pr?.found.commit?.author).toBe("alice@example.com");
  });

  it("keeps a deployment's collector across refreshes and stops it when its pull request closes", async () => {
    const h = harness();
    h.answer([full("prod"), branch("pr-7", "OPEN", 123), branch("pr-9", "OPEN", 456)]);
    await h.sources.refresh();
    h.answer([full("prod"), branch("pr-7", "OPEN", 234), branch("pr-9", "OPEN", 456)]);
    await h.sources.refresh();
    expect(h.made).toHaveLength(2); // no restart for a new commit
    const pr7Now = h.sources.collected().find((c) => c.config.name === "pr-7");
    expect(pr7Now?.found.commit?.hash).toBe("abc234");

    h.answer([full("prod"), branch("pr-7", "MERGED", 234), branch("pr-9", "OPEN", 456)]);
    await h.sources.refresh();
    const pr7 = h.made.find((s) => s.deployment === "pr-7");
    const pr9 = h.made.find((s) => s.deployment === "pr-9");
    expect(pr7?.stopped).toBe(1);
    expect(pr9?.stopped).toBe(0);
    expect(h.sources.collected().map((c) => c.config.name)).toEqual(["pr-9"]);
    // Newest commit first, as discovery lists them.
    expect(h.changes).toEqual([["pr-9", "pr-7"], ["pr-9"]]);
  });

  it("stops a deployment that is no longer listed at all (deleted)", async () => {
    const h = harness();
    h.answer([full("prod"), full("staging")]);
    await h.sources.refresh();
    h.answer([full("prod")]);
    await h.sources.refresh();
    expect(h.made[0]?.stopped).toBe(1);
    expect(h.sources.collected()).toEqual([]);
  });

  it("keeps collecting when discovery fails, and says so", async () => {
    const h = harness();
    h.answer([full("prod"), branch("pr-7", "OPEN", 123)]);
    await h.sources.refresh();
    h.answer(new Error("HTTP 503"));
    await h.sources.refresh();
    expect(h.made[0]?.stopped).toBe(0);
    expect(h.sources.collected()).toHaveLength(1);
    expect(h.sources.status().error).toBe("HTTP 503");
    h.answer([full("prod"), branch("pr-7", "OPEN", 123)]);
    await h.sources.refresh();
    expect(h.sources.status().error).toBeNull();
    expect(h.made).toHaveLength(1);
  });

  it("names a deployment after its discovering one when the config has its name already", async () => {
    const localStaging: DeploymentConfig = {
      ...prodConfig,
      name: "staging",
      graphqlUrl: "https://other.dagster.cloud/staging/graphql",
      discoverDeployments: false,
    };
    const h = harness([prodConfig, localStaging]);
    h.answer([full("prod"), full("Staging")]);
    await h.sources.refresh();
    expect(h.sources.collected().map((c) => c.config.name)).toEqual(["prod-staging"]);
  });

  it("stops everything on shutdown and ignores a discovery that answers after it", async () => {
    const h = harness();
    h.answer([full("prod"), full("staging")]);
    await h.sources.refresh();
    h.sources.stop();
    expect(h.made[0]?.stopped).toBe(1);
    h.answer([full("prod"), full("staging"), full("dev")]);
    await h.sources.refresh();
    expect(h.made).toHaveLength(1);
    expect(h.changes.at(-1)).toEqual([]);
  });
});
