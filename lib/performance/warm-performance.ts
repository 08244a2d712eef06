import type { HealthSnapshot } from "@/lib/snapshot/snapshot-types";
import { hopIndexSteps } from "./consumption";
import { chainsOfSteps } from "./latency-report";
import { runNow, type Steps } from "./slices";
import type { StorageConfig } from "./storage-config";
import { allStorageInputs } from "./team-performance";

// The storage-wide part of the performance panels (every edge's recorded
// consumption, the chains that cross locations, every owned asset's storage
// history) is the same for every team and range: seconds of CPU at 25k assets.
// Worked out here once per snapshot content, when a new one appears, so that
// no viewer's request pays for it. Each piece is memoised where it is defined,
// so a request that comes first builds the same thing, and only once. In
// steps (lib/performance/slices.ts), so the warmer can run it in slices.

export function* warmPerformanceSteps(
  snapshot: HealthSnapshot,
  storage: StorageConfig,
): Steps<void> {
  const index = yield* hopIndexSteps(snapshot.graph, snapshot.materializations);
  for (const [deployment, edges] of index) yield* chainsOfSteps(snapshot.graph, deployment, edges);
  if (storage.quotas.length > 0) yield* allStorageInputs.steps(snapshot);
}

export function warmPerformance(snapshot: HealthSnapshot, storage: StorageConfig): void {
  runNow(warmPerformanceSteps(snapshot, storage));
}
