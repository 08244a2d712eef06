import { type ChildProcess, execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { DAGSTER_URL, dagsterQuery } from "./support/dagster";
import { e2eConfig } from "./support/route-catalog";
import { spawnHealthboard, stopHealthboard } from "./support/spawn-healthboard";

// Issue 14, items 4 and 5: a Healthboard of its own (port 3170, a fresh data
// dir, a config with the annotation token) watching the shared e2e Dagster.
// A redeploy through the demo switch with a CI annotation shows commit and
// author in the version history; a restart without code change adds no
// version; the annotation endpoint refuses missing or wrong tokens and names
// the field of a bad body. Ground truth comes from Dagster's GraphQL API.

const PORT = Number(process.env.E2E_VERSIONS_PORT ?? 3170);
const TOKEN = "hb-e2e-deploy-token-91c2";
const DAGSTER_HOME = process.env.DAGSTER_HOME ?? path.resolve(".dagster-home-e2e");
const SWITCHES = process.env.HEALTHBOARD_DEMO_SWITCHES ?? path.join(DAGSTER_HOME, "switches");
const run = promisify(execFile);

let child: ChildProcess | undefined;
let url = "";
let output: () => string = () => "";
let dir = "";
let originalVersion: string | null = null;

interface Version {
  fingerprint: string | null;
  until: number | null;
  annotation: { commit: string; author: string | null } | null;
}

async function versions(location: string): Promise<Version[]> {
  const res = await fetch(`${url}/api/v1/deploys/versions?deployment=local&location=${location}`);
  if (!res.ok) return [];
  const body = (await res.json()) as { locations: { versions: Version[] }[] };
  return body.locations[0]?.versions ?? [];
}

/** Dagster's own view of the location: its reload marker and the demo version its assets carry. */
async function dagsterLocation(name: string) {
  const data = await dagsterQuery<{
    workspaceOrError: {
      locationEntries: {
        name: string;
        versionKey: string;
        locationOrLoadError: {
          repositories?: { assetNodes: { tags: { key: string; value: string }[] }[] }[];
        } | null;
      }[];
    };
  }>(`{ workspaceOrError { ... on Workspace { locationEntries { name versionKey
        locationOrLoadError { ... on RepositoryLocation { repositories { assetNodes { tags { key value } } } } } } } } }`);
  const entry = data.workspaceOrError.locationEntries.find((l) => l.name === name);
  const tags = entry?.locationOrLoadError?.repositories?.flatMap((r) =>
    r.assetNodes.flatMap((a) => a.tags),
  );
  return {
    versionKey: entry?.versionKey ?? null,
    demoVersions: [...new Set(tags?.filter((t) => t.key === "demo_version").map((t) => t.value))],
  };
}

/** scripts/demo-switch.sh against the shared Dagster, annotating on this Healthboard. */
function demoSwitch(args: string[], ci: { commit?: string; author?: string } = {}) {
  return run("bash", ["scripts/demo-switch.sh", ...args], {
    env: {
      ...process.env,
      DAGSTER_HOME,
      DAGSTER_PORT: new URL(DAGSTER_URL).port,
      HEALTHBOARD_URL: url,
      HEALTHBOARD_DEPLOY_TOKEN: TOKEN,
      DEMO_COMMIT: ci.commit ?? "",
      DEMO_AUTHOR: ci.author ?? "",
    },
  });
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "hb-versions-"));
  const config = path.join(dir, "healthboard.yaml");
  writeFileSync(
    config,
    `${readFileSync("e2e/healthboard.e2e.yaml", "utf8")}
deploys:
  annotationTokenEnv: E2E_DEPLOY_TOKEN
`,
  );
  try {
    originalVersion = readFileSync(path.join(SWITCHES, "analytics-team.version"), "utf8").trim();
  } catch {
    originalVersion = null;
  }
  ({ child, url, output } = await spawnHealthboard(PORT, {
    HEALTHBOARD_CONFIG: config,
    HEALTHBOARD_DATA_DIR: path.join(dir, "data"),
    E2E_DEPLOY_TOKEN: TOKEN,
  }));
});

test.afterAll(async () => {
  // Leave the shared Dagster's analytics location at the version it had.
  if (originalVersion) await demoSwitch(["redeploy", "analytics-team", originalVersion]);
  stopHealthboard(child);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("once its first data is in, the server renders the overview, lineage and first team page itself", async () => {
  // lib/runtime/warm-pages.ts: the first visitor after a start does not pay for
  // the first render. No test asks this server for a page before this line appears.
  const line = /healthboard: first pages: rendered ahead of visitors: (.*)/;
  await expect.poll(() => line.test(output()), { timeout: 60_000 }).toBe(true);
  const rendered = (line.exec(output())?.[1] ?? "")
    .split(";")[0]
    ?.split(", ")
    .map((part) => part.split(" ")[0]);
  const firstTeam = e2eConfig().teams[0]?.slug;
  expect(firstTeam).toBeTruthy();
  expect(rendered).toEqual(["/", "/lineage", `/teams/${firstTeam}`]);
  expect(line.exec(output())?.[1]).toMatch(
    /^\/ 200 in \d+ ms, \/lineage 200 in \d+ ms, \/teams\/\S+ 200 in \d+ ms; [1-9]\d* scripts and stylesheets$/,
  );
  // The load balancer's probe says ready only now (docs/replicas.md).
  const health = await fetch(`${url}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ ready: true, warmUp: "done" });
});

test("the annotation endpoint refuses missing and wrong tokens and names a bad field", async ({
  request,
}) => {
  const body = { location: "analytics-team", environment: "local", commit: "abc1234" };
  const post = (data: unknown, token?: string) =>
    request.post(`${url}/api/v1/deploys`, {
      data,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  expect((await post(body)).status()).toBe(401);
  expect((await post(body, `${TOKEN}-wrong`)).status()).toBe(403);
  for (const [data, field] of [
    [{ ...body, commit: undefined }, "commit"],
    [{ ...body, prUrl: "ftp://example.com/pr/1" }, "prUrl"],
    [{ ...body, environment: "nowhere" }, "environment"],
  ] as const) {
    const res = await post(data, TOKEN);
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ field });
  }
  // The suite's main Healthboard configures no token: the endpoint does not exist there.
  expect((await request.post("/api/v1/deploys", { data: body })).status()).toBe(404);
});

test("a redeploy with a CI annotation shows commit and author; a restart adds no version", async ({
  page,
}) => {
  // Generous: first page loads on the shared 2-core machine take tens of seconds under load.
  test.setTimeout(240_000);
  // The first sight of the location is a baseline version.
  await expect
    // The shared Dagster answers slowly under load (tens of seconds for a first history).
    .poll(async () => (await versions("analytics-team")).length, { timeout: 90_000 })
    .toBe(1);

  const release = `e2e-${Date.now().toString(36)}`;
  const commit = `c0ffee${Date.now().toString(16)}`;
  await demoSwitch(["redeploy", "analytics-team", release], { commit, author: "e2e-alice" });
  // Dagster serves the new code (its assets carry the new demo version).
  await expect
    .poll(async () => (await dagsterLocation("analytics-team")).demoVersions, { timeout: 30_000 })
    .toEqual([release]);

  await expect
    .poll(async () => (await versions("analytics-team")).length, { timeout: 30_000 })
    .toBe(2);
  const [live] = await versions("analytics-team");
  expect(live?.until).toBeNull();
  expect(live?.annotation).toMatchObject({ commit, author: "e2e-alice" });

  await page.goto(`${url}/teams/analytics`, { waitUntil: "domcontentloaded", timeout: 90_000 });
  const table = page.locator('[data-testid="version-history"][data-location="analytics-team"]');
  const newest = table.getByTestId("version-row").first();
  await expect(newest.getByTestId("version-label")).toHaveText(commit);
  await expect(newest.getByTestId("version-author")).toContainText("e2e-alice");
  await expect(table.getByTestId("version-row")).toHaveCount(2);

  // A restart: Dagster reloads the same code (a new versionKey), Healthboard adds nothing.
  const before = await dagsterLocation("analytics-team");
  await demoSwitch(["restart", "analytics-team"]);
  await expect
    .poll(async () => (await dagsterLocation("analytics-team")).versionKey, { timeout: 30_000 })
    .not.toBe(before.versionKey);
  expect((await dagsterLocation("analytics-team")).demoVersions).toEqual([release]);
  // Several of this Healthboard's location polls (1 s each) after Dagster's reload.
  await page.waitForTimeout(5_000);
  expect((await versions("analytics-team")).length).toBe(2);
  await page.reload({ waitUntil: "domcontentloaded", timeout: 90_000 });
  await expect(table.getByTestId("version-row")).toHaveCount(2);
});
