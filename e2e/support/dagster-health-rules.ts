// Dagster's asset health rules (dagster/_core/definitions/asset_health/ in
// 1.13), written out again from Dagster's source for the e2e ground truth.
// Nothing here is imported from Healthboard. Pure functions over GraphQL shapes.

export type Health = "HEALTHY" | "WARNING" | "DEGRADED" | "UNKNOWN" | "NOT_APPLICABLE";
export type Overall = Exclude<Health, "NOT_APPLICABLE">;

export interface MaterializationFacts {
  isMaterializable: boolean;
  isObservable: boolean;
  isPartitioned: boolean;
  partitionStats: { numMaterialized: number; numFailed: number } | null;
  latestMaterialization: { runId: string; timestamp: string } | null;
  /** The newest run that planned the asset (Dagster's `last_run_id`). */
  latestRun: { runId: string; status: string; endTime: number | null } | null;
  observed: boolean;
}

/** asset_materialization_health.py: a run counts as failed only when its status is FAILURE. */
export function materializationHealth(f: MaterializationFacts): Health {
  if (f.isObservable && !f.isMaterializable) return f.observed ? "HEALTHY" : "UNKNOWN";
  if (f.isPartitioned) {
    const p = f.partitionStats;
    if (!p || (p.numFailed === 0 && p.numMaterialized === 0)) return "UNKNOWN";
    return p.numFailed > 0 ? "DEGRADED" : "HEALTHY";
  }
  const run = f.latestRun;
  const m = f.latestMaterialization;
  // The newest run that planned it failed and neither produced the latest
  // materialization nor was overtaken by one reported (by hand) after it ended.
  const failed =
    run?.status === "FAILURE" &&
    run.runId !== m?.runId &&
    !(m && run.endTime !== null && Number(m.timestamp) / 1000 > run.endTime);
  if (failed) return "DEGRADED";
  if (m || f.observed) return "HEALTHY";
  return "UNKNOWN";
}

export interface CheckExecution {
  status: string;
  evaluation: { severity: string } | null;
}

/**
 * asset_check_health.py: each check's newest execution decides; one in progress
 * or skipped leaves the check in its newest completed state (SUCCEEDED or FAILED
 * record). `executions` are newest first.
 */
export function checksHealth(checks: readonly (readonly CheckExecution[])[]): Health {
  if (checks.length === 0) return "NOT_APPLICABLE";
  let failing = 0;
  let warning = 0;
  let passing = 0;
  for (const executions of checks) {
    let e: CheckExecution | undefined = executions[0];
    if (e && (e.status === "IN_PROGRESS" || e.status === "SKIPPED")) {
      e = executions.find((x) => x.status === "SUCCEEDED" || x.status === "FAILED");
    }
    if (!e) continue;
    if (e.status === "FAILED") {
      if (e.evaluation?.severity === "WARN") warning++;
      else failing++;
    } else if (e.status === "EXECUTION_FAILED") failing++;
    else passing++;
  }
  if (failing > 0) return "DEGRADED";
  if (warning > 0) return "WARNING";
  return passing < checks.length ? "UNKNOWN" : "HEALTHY";
}

/** asset_health.py overall_status_from_component_statuses. */
export function overallHealth(materialization: Health, checks: Health, freshness: Health): Overall {
  const parts = [materialization, checks, freshness];
  for (const worst of ["DEGRADED", "WARNING"] as const) if (parts.includes(worst)) return worst;
  // What is left is HEALTHY, UNKNOWN or NOT_APPLICABLE: healthy only when the
  // asset was built (or observed) and some component says HEALTHY.
  return materialization !== "UNKNOWN" && parts.includes("HEALTHY") ? "HEALTHY" : "UNKNOWN";
}
