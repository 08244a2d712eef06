import { DAGSTER_URL, dagsterQueryAt } from "./dagster";

// Each asset's health, by Dagster's own rules (dagster/_core/definitions/
// asset_health/ in 1.13, as docs/health-model.md states them), read from
// Dagster's GraphQL API directly and written out here on their own: nothing is
// imported from Healthboard, and the check state comes from each check's
// execution history rather than the field Healthboard reads first.

export type Health = "HEALTHY" | "WARNING" | "DEGRADED" | "UNKNOWN" | "NOT_APPLICABLE";

export interface HealthTruth {
  materialization: Health;
  freshness: Health;
  checks: Health;
  overall: Exclude<Health, "NOT_APPLICABLE">;
  hasFreshnessPolicy: boolean;
}

interface Node {
  assetKey: { path: string[] };
  isPartitioned: boolean;
  isObservable: boolean;
  isMaterializable: boolean;
  internalFreshnessPolicy: { __typename: string } | null;
  freshnessStatusInfo: { freshnessStatus: Health } | null;
  partitionStats: { numMaterialized: number; numFailed: number } | null;
  assetObservations: { timestamp: string }[];
  assetChecksOrError: { checks?: { name: string }[] };
}

interface Latest {
  assetKey: { path: string[] };
  latestMaterialization: { runId: string; timestamp: string } | null;
  latestRun: { runId: string; status: string; endTime: number | null } | null;
}

interface AssetRecord {
  key: { path: string[] };
  latestMaterializationTimestamp: number | null;
  latestFailedToMaterializeTimestamp: number | null;
}

const id = (p: string[]) => JSON.stringify(p);
const FINISHED = ["SUCCESS", "FAILURE", "CANCELED"];

/** asset_materialization_health.py, open source (no failure events unless Dagster stored them). */
function materialization(
  node: Node,
  latest: Latest | undefined,
  rec: AssetRecord | undefined,
): Health {
  if (node.isObservable && !node.isMaterializable) {
    return node.assetObservations.length > 0 ? "HEALTHY" : "UNKNOWN";
  }
  if (node.isPartitioned) {
    const p = node.partitionStats;
    if (!p || (p.numFailed === 0 && p.numMaterialized === 0)) return "UNKNOWN";
    return p.numFailed > 0 ? "DEGRADED" : "HEALTHY";
  }
  const mat = latest?.latestMaterialization ?? null;
  const everMaterialized = mat ? "HEALTHY" : "UNKNOWN";
  const failedEvent = rec?.latestFailedToMaterializeTimestamp ?? null;
  if (failedEvent !== null && failedEvent > (rec?.latestMaterializationTimestamp ?? -1)) {
    return "DEGRADED";
  }
  const run = latest?.latestRun;
  if (!run || run.runId === mat?.runId) return everMaterialized;
  // An unfinished run says nothing yet; a materialization reported after the run ended wins.
  if (!FINISHED.includes(run.status) || run.endTime === null) return everMaterialized;
  if (mat && Number(mat.timestamp) > run.endTime * 1000) return "HEALTHY";
  // DagsterRun.is_failure: FAILURE only, a canceled run is not a failure.
  return run.status === "FAILURE" ? "DEGRADED" : everMaterialized;
}

/** asset_freshness_health.py: NOT_APPLICABLE only without a policy; no evaluation yet is UNKNOWN. */
function freshness(node: Node): Health {
  if (!node.internalFreshnessPolicy) return "NOT_APPLICABLE";
  return node.freshnessStatusInfo?.freshnessStatus ?? "UNKNOWN";
}

type Execution = { status: string; evaluation: { severity: string } | null };

/** asset_check_health.py: each check's latest completed execution (not in progress, not skipped). */
function checks(executions: (Execution | undefined)[] | null): Health {
  if (executions === null) return "NOT_APPLICABLE";
  const states = executions.map((e) => {
    if (!e) return "UNKNOWN";
    if (e.status === "EXECUTION_FAILED") return "DEGRADED";
    if (e.status === "FAILED") return e.evaluation?.severity === "WARN" ? "WARNING" : "DEGRADED";
    return "HEALTHY";
  });
  for (const worst of ["DEGRADED", "WARNING", "UNKNOWN"] as const)
    if (states.includes(worst)) return worst;
  return "HEALTHY";
}

/** asset_health.py, overall_status_from_component_statuses. */
function overall(m: Health, c: Health, f: Health): HealthTruth["overall"] {
  const all = [m, c, f];
  if (all.includes("DEGRADED")) return "DEGRADED";
  if (all.includes("WARNING")) return "WARNING";
  if (m === "UNKNOWN" || all.every((s) => s === "UNKNOWN" || s === "NOT_APPLICABLE"))
    return "UNKNOWN";
  return "HEALTHY";
}

/** A check's latest completed execution (not in progress, not skipped). */
export async function latestCompleted(
  baseUrl: string,
  path: string[],
  checkName: string,
): Promise<Execution | undefined> {
  const data = await dagsterQueryAt<{ assetCheckExecutions: Execution[] }>(
    baseUrl,
    `query C($key: AssetKeyInput!, $name: String!) {
      assetCheckExecutions(assetKey: $key, checkName: $name, limit: 100) { status evaluation { severity } }
    }`,
    { key: { path }, name: checkName },
  );
  return data.assetCheckExecutions.find((e) => !["IN_PROGRESS", "SKIPPED"].includes(e.status));
}

/** Health of the given asset keys in the Dagster at `baseUrl`, by asset id (JSON of the key path). */
export async function healthTruth(
  paths: string[][],
  baseUrl: string = DAGSTER_URL,
): Promise<Map<string, HealthTruth>> {
  const keys = paths.map((path) => ({ path }));
  const data = await dagsterQueryAt<{
    assetNodes: Node[];
    assetsLatestInfo: Latest[];
    assetsOrError: { nodes?: AssetRecord[] };
  }>(
    baseUrl,
    `query H($keys: [AssetKeyInput!]!) {
      assetNodes(assetKeys: $keys) {
        assetKey { path } isPartitioned isObservable isMaterializable
        internalFreshnessPolicy { __typename }
        freshnessStatusInfo { freshnessStatus }
        partitionStats { numMaterialized numFailed }
        assetObservations(limit: 1) { timestamp }
        assetChecksOrError { ... on AssetChecks { checks { name } } }
      }
      assetsLatestInfo(assetKeys: $keys) {
        assetKey { path } latestMaterialization { runId timestamp } latestRun { runId status endTime }
      }
      assetsOrError(assetKeys: $keys) {
        ... on AssetConnection { nodes { key { path } latestMaterializationTimestamp latestFailedToMaterializeTimestamp } }
      }
    }`,
    { keys },
  );
  const latest = new Map(data.assetsLatestInfo.map((l) => [id(l.assetKey.path), l]));
  const records = new Map((data.assetsOrError.nodes ?? []).map((r) => [id(r.key.path), r]));
  const out = new Map<string, HealthTruth>();
  for (const node of data.assetNodes) {
    const key = id(node.assetKey.path);
    const checkList = node.assetChecksOrError.checks ?? [];
    const executions =
      checkList.length === 0
        ? null
        : await Promise.all(
            checkList.map((c) => latestCompleted(baseUrl, node.assetKey.path, c.name)),
          );
    const m = materialization(node, latest.get(key), records.get(key));
    const f = freshness(node);
    const c = checks(executions);
    out.set(key, {
      materialization: m,
      freshness: f,
      checks: c,
      overall: overall(m, c, f),
      hasFreshnessPolicy: node.internalFreshnessPolicy !== null,
    });
  }
  return out;
}
