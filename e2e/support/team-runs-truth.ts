import { dagsterQueryAt } from "./dagster";
import { DEPLOYMENTS, type SecondAsset } from "./second-truth";

// A team's failed runs, from Dagster's runs directly: a run is the team's when
// it planned or failed one of the team's assets. Planned = its asset selection,
// or for a run launched from a job (assetSelection null) the assets of that job
// in the run's location (AssetNode.jobNames); failed = the assets of its failed
// steps (AssetNode.opNames). A failed run has status FAILURE (CANCELED is not).
// The window is exactly [now − span, now) by creation time.

export interface TruthRun {
  deployment: string;
  runId: string;
  jobName: string;
  location: string | null;
  creationTime: number;
  assetSelection: { path: string[] }[] | null;
  failedSteps: string[];
}

interface WireRun {
  runId: string;
  jobName: string;
  creationTime: number;
  assetSelection: { path: string[] }[] | null;
  repositoryOrigin: { repositoryLocationName: string } | null;
  stepStats: { stepKey: string; status: string | null }[];
}

/** Failed runs of every deployment created in [since, until) (epoch ms). */
export async function failedRunsIn(since: number, until: number): Promise<TruthRun[]> {
  const out: TruthRun[] = [];
  for (const d of DEPLOYMENTS) {
    const data = await dagsterQueryAt<{ runsOrError: { results: WireRun[] } }>(
      d.url,
      `query R($filter: RunsFilter!) { runsOrError(filter: $filter, limit: 10000) { ... on Runs { results {
        runId jobName creationTime assetSelection { path }
        repositoryOrigin { repositoryLocationName }
        stepStats { stepKey status }
      } } } }`,
      { filter: { statuses: ["FAILURE"], createdAfter: since / 1000 - 1 } },
    );
    for (const r of data.runsOrError.results) {
      const at = r.creationTime * 1000;
      if (at < since || at >= until) continue;
      out.push({
        deployment: d.name,
        runId: r.runId,
        jobName: r.jobName,
        location: r.repositoryOrigin?.repositoryLocationName ?? null,
        creationTime: at,
        assetSelection: r.assetSelection,
        failedSteps: r.stepStats.filter((s) => s.status === "FAILURE").map((s) => s.stepKey),
      });
    }
  }
  return out;
}

/** The assets a run planned or failed, among `assets`. */
export function assetsOfRun(run: TruthRun, assets: readonly SecondAsset[]): SecondAsset[] {
  const same = (a: SecondAsset, b: { path: string[] }) =>
    JSON.stringify(a.path) === JSON.stringify(b.path);
  const inDeployment = assets.filter((a) => a.deployment === run.deployment);
  const inLocation = inDeployment.filter((a) => a.location === run.location);
  const planned = run.assetSelection
    ? inDeployment.filter((a) => run.assetSelection?.some((k) => same(a, k)))
    : inLocation.filter((a) => a.jobNames.includes(run.jobName));
  const failed = inLocation.filter((a) => a.opNames.some((op) => run.failedSteps.includes(op)));
  return [...new Set([...planned, ...failed])];
}

export function teamFailedRuns(
  team: string,
  runs: readonly TruthRun[],
  assets: readonly SecondAsset[],
): TruthRun[] {
  return runs.filter((r) => assetsOfRun(r, assets).some((a) => a.team === team));
}
