import { dagsterQuery } from "./dagster";

// Ground truth for the compute and latency specs, read from the test Dagster's
// GraphQL API directly (nothing here imports Healthboard's code).

interface WireRun {
  runId: string;
  repositoryOrigin: { repositoryLocationName: string } | null;
  stepStats: { stepKey: string; startTime: number | null; endTime: number | null }[];
}

/** Per code location: seconds of step execution (end − start) of steps that ended in [since, until). */
export async function stepSecondsByLocation(
  since: number,
  until: number,
): Promise<Map<string, { seconds: number; steps: number }>> {
  // Runs created up to 31 days before the window can hold steps ending in it.
  const data = await dagsterQuery<{ runsOrError: { results: WireRun[] } }>(
    `query R($filter: RunsFilter!) { runsOrError(filter: $filter, limit: 10000) { ... on Runs { results {
      runId repositoryOrigin { repositoryLocationName }
      stepStats { stepKey startTime endTime }
    } } } }`,
    { filter: { createdAfter: since / 1000 - 31 * 86_400 } },
  );
  const out = new Map<string, { seconds: number; steps: number }>();
  for (const r of data.runsOrError.results) {
    const location = r.repositoryOrigin?.repositoryLocationName;
    if (!location) continue;
    for (const s of r.stepStats) {
      if (s.startTime === null || s.endTime === null) continue;
      const end = s.endTime * 1000;
      if (end < since || end >= until) continue;
      const cell = out.get(location) ?? { seconds: 0, steps: 0 };
      cell.seconds += s.endTime - s.startTime;
      cell.steps++;
      out.set(location, cell);
    }
  }
  return out;
}

interface WireEvent {
  timestamp: string;
  tags: { key: string; value: string }[];
}

const tag = (e: WireEvent, key: string) => e.tags.find((t) => t.key === key)?.value;

/** Materialization events of one asset (newest first as Dagster lists them). */
async function materializations(key: string[]): Promise<WireEvent[]> {
  const data = await dagsterQuery<{
    assetOrError: { assetMaterializations?: WireEvent[] };
  }>(
    `query M($key: AssetKeyInput!) { assetOrError(assetKey: $key) { ... on Asset {
      assetMaterializations(limit: 1000) { timestamp tags { key value } } } } }`,
    { key: { path: key } },
  );
  return data.assetOrError.assetMaterializations ?? [];
}

/**
 * Hop latencies (ms) from `up` to `down` for downstream events in [since, until):
 * the downstream event's time minus the time of the upstream event whose
 * `dagster/data_version` is the version the downstream event recorded as its
 * input (`dagster/input_data_version/<up>`), the latest such at or before it.
 */
export async function hopLatencies(
  up: string[],
  down: string[],
  since: number,
  until: number,
): Promise<number[]> {
  const ups = await materializations(up);
  const downs = await materializations(down);
  const out: number[] = [];
  for (const d of downs) {
    const at = Number(d.timestamp);
    if (at < since || at >= until) continue;
    const version = tag(d, `dagster/input_data_version/${up.join("/")}`);
    if (version === undefined) continue;
    const consumed = ups
      .filter((u) => tag(u, "dagster/data_version") === version && Number(u.timestamp) <= at)
      .map((u) => Number(u.timestamp));
    if (consumed.length) out.push(at - Math.max(...consumed));
  }
  return out.sort((a, b) => a - b);
}
