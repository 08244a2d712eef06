import type { CodeLocationSnapshot } from "@/lib/domain/types";
import type { DeployStore, VersionAsset } from "./deploy-types";
import { trackDeploys } from "./track-deploys";

// What the collector writes for each location it polls: the deploy transitions
// (track-deploys.ts) and, once per fingerprint, the version's asset definitions,
// which the rollback plan diffs to name only the consumers of changed assets.

const versionAsset = (a: VersionAsset): VersionAsset => ({
  id: a.id,
  key: a.key,
  upstream: a.upstream,
  isPartitioned: a.isPartitioned,
  freshnessPolicy: a.freshnessPolicy,
  codeVersion: a.codeVersion ?? null,
  partitions: a.partitions ?? null,
});

export class DeployRecorder {
  /** Fingerprints whose definitions this process has kept: each is written once, not on every poll. */
  private readonly kept = new Set<string>();

  constructor(private readonly store: DeployStore) {}

  async record(loc: CodeLocationSnapshot, now: number): Promise<void> {
    const known = await this.store.lastKnown(loc.deployment, loc.name);
    await this.store.append(trackDeploys(known, loc, now));
    // A location that fails to load shows its last good definitions: not this version's.
    if (loc.status !== "loaded" || loc.down || !loc.fingerprint) return;
    const id = `${loc.deployment}\u0000${loc.name}\u0000${loc.fingerprint}`;
    if (this.kept.has(id)) return;
    await this.store.saveDefinitions({
      deployment: loc.deployment,
      location: loc.name,
      fingerprint: loc.fingerprint,
      assets: loc.assets.map(versionAsset),
    });
    this.kept.add(id);
  }
}
