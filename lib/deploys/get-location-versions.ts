import "server-only";
import { z } from "zod";
import { deployStore, getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import type { DeployOrder } from "./deploy-order";
import { type LocationRef, locationsUpstream } from "./location-graph";
import { deploymentOrder, type LocationVersions, locationVersions } from "./location-versions";
import { narrowToChanged } from "./rollback-plan";
import {
  type UpstreamDeployNote,
  upstreamDeployNotes,
  upstreamLocations,
} from "./upstream-deploys";

const name = z.string().min(1).max(200);
export const versionsParamsSchema = z.strictObject({
  deployment: name.optional(),
  location: name.optional(),
});

export interface VersionsReport {
  locations: LocationVersions[];
  /** Per location asked for: deploys of locations upstream of it followed by failures or degradations in it. */
  incoming: { location: LocationRef; notes: UpstreamDeployNote[] }[];
  /** Per deployment of those locations. */
  orders: { deployment: string; order: DeployOrder }[];
}

/**
 * Version history, rollback plans and deploy orders for some locations, as of
 * `now`, read against one environment's snapshot (the default one without it).
 */
export async function getLocationVersions(
  refs: readonly LocationRef[],
  now = Date.now(),
  environment?: string,
): Promise<VersionsReport> {
  const snapshot = await getSnapshot(environment);
  const locations = await readVersions(refs, now, environment);
  const incoming = await Promise.all(
    refs.map(async (home) => ({
      location: home,
      notes: upstreamDeployNotes(
        home,
        await readVersions(locationsUpstream(snapshot.graph, home), now, environment),
      ),
    })),
  );
  const deployments = [...new Set(refs.map((r) => r.deployment))].sort();
  return {
    locations,
    incoming,
    orders: deployments.map((deployment) => ({
      deployment,
      order: deploymentOrder(snapshot, deployment),
    })),
  };
}

async function readVersions(
  refs: readonly LocationRef[],
  now: number,
  environment?: string,
): Promise<LocationVersions[]> {
  const snapshot = await getSnapshot(environment);
  const store = deployStore();
  const config = loadConfig();
  const dataFrom = now - config.refresh.runsWindowDays * 86_400_000;
  const environments = new Map(config.deployments.map((d) => [d.name, d.environment]));
  return Promise.all(
    refs.map(async (ref) => {
      const report = locationVersions(ref, {
        snapshot,
        events: await store.list({ deployment: ref.deployment, location: ref.location }),
        annotations: await store.annotations({ location: ref.location }),
        now,
        dataFrom,
        environmentOf: (deployment) => environments.get(deployment),
      });
      const { target, live } = report.rollback;
      if (!target?.fingerprint || !live?.fingerprint) return report;
      const [before, after] = await Promise.all([
        store.definitions(ref.deployment, ref.location, target.fingerprint),
        store.definitions(ref.deployment, ref.location, live.fingerprint),
      ]);
      if (!before || !after) return report;
      const rollback = narrowToChanged(report.rollback, snapshot.graph, ref, {
        target: before,
        live: after,
      });
      return { ...report, rollback };
    }),
  );
}

/** Deploys upstream of an asset followed by failures or degradations in its location, newest first. */
export async function getUpstreamDeployNotes(assetId: string): Promise<UpstreamDeployNote[]> {
  const snapshot = await getSnapshot();
  const homes = upstreamLocations(snapshot.graph, assetId);
  const notes = await Promise.all(
    homes.map(async ({ home, upstream }) =>
      upstreamDeployNotes(home, await readVersions(upstream, Date.now())),
    ),
  );
  return notes
    .flat()
    .sort((a, b) => b.at - a.at)
    .slice(0, 5);
}
