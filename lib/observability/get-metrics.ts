import "server-only";
import { deployStore, getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import pkg from "@/package.json";
import { renderMetrics } from "./render-metrics";
import { selfCounters } from "./self-counters";
import { type TeamFigures, teamFigures } from "./team-figures";

// /metrics for the route: the shared snapshot (no upstream request per scrape),
// the deploy store, and the process's counters. The asset and run grouping
// costs a pass over the graph per team, so it is kept per snapshot generation;
// only the time-dependent figures (windows, ages) are computed per scrape.

let cached: { generation: string; figures: TeamFigures } | null = null;

export async function getMetricsText(): Promise<string> {
  const config = loadConfig();
  const snapshot = await getSnapshot();
  if (cached?.generation !== snapshot.generation) {
    cached = { generation: snapshot.generation, figures: teamFigures(snapshot, config.teams) };
  }
  return renderMetrics(
    {
      snapshot,
      teams: config.teams,
      metrics: config.metrics,
      deployEvents: await deployStore().list({}),
      figures: cached.figures,
      now: Date.now(),
      version: pkg.version,
    },
    selfCounters().registry,
  );
}
