import type { RunFacts, RunRecord } from "@/lib/domain/run-types";

/** A ten-minute run of the `train` job in prod/ml, attributed to no asset unless `extra` says so. */
export function run(
  id: string,
  createdAt: number,
  status: RunRecord["status"],
  extra: Partial<RunRecord> = {},
): RunRecord {
  return {
    id,
    deployment: "prod",
    location: "ml",
    job: "train",
    status,
    createdAt,
    startedAt: createdAt,
    endedAt: createdAt + 10 * 60_000,
    updatedAt: createdAt + 10 * 60_000,
    plannedAssetIds: [],
    materializedAssetIds: null,
    failedAssetIds: [],
    failureReason: status === "FAILURE" ? "STEP_FAILURE" : null,
    error: null,
    ...extra,
  };
}

/** The attribution of a failed run whose events say the step of `id` failed. */
export const failedOn = (
  id: string,
): Pick<RunRecord, "plannedAssetIds" | "materializedAssetIds" | "failedAssetIds"> => ({
  plannedAssetIds: [id],
  materializedAssetIds: [],
  failedAssetIds: [id],
});

/** A one-minute successful run of the `train` job in prod/ml, as the run list states it. */
export function runFacts(id: string, createdAt: number, extra: Partial<RunFacts> = {}): RunFacts {
  return {
    id,
    deployment: "prod",
    location: "ml",
    job: "train",
    status: "SUCCESS",
    createdAt,
    startedAt: createdAt,
    endedAt: createdAt + 60_000,
    updatedAt: createdAt + 60_000,
    assetSelection: null,
    stepKeysToExecute: null,
    failureReason: null,
    ...extra,
  };
}
