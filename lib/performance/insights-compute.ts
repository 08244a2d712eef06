import type { TimeWindow } from "@/lib/teams/time-range";
import {
  type ComputeBucket,
  type ComputeReport,
  emptyComputeRow,
  INSIGHTS_SOURCE,
} from "./compute-report";
import type { DeploymentInsights, InsightsDay } from "./to-insights";

// The Compute panel on Dagster+: where Insights exist for a team's location,
// its execution time (and credits, where Dagster+ gives them) replace the
// step time Healthboard sums from runs, and each row and bucket says which
// source it shows. Open-source deployments, and hourly ranges (Insights are
// daily), keep the runs' figures. Pure. Definitions: docs/health-model.md,
// "Compute from Dagster+ Insights".

const DAY = 86_400_000;

/** A team asset as this module needs it. */
export interface InsightsScopeAsset {
  deployment: string;
  location: string;
  id: string;
}

/** An Insights day counts when it overlaps the window: Insights are daily and cannot be split. */
const inWindow = (w: TimeWindow, d: InsightsDay) => d.day + DAY > w.since && d.day < w.until;

interface Sum {
  seconds: number;
  credits: number | null;
}

const addDay = (into: Sum, d: InsightsDay) => {
  into.seconds += d.executionSeconds;
  if (d.credits !== null) into.credits = (into.credits ?? 0) + d.credits;
};

const rowKey = (deployment: string, location: string) => `${deployment}\u0000${location}`;

/**
 * `report` (from the team's runs) with Insights figures where a Dagster+
 * deployment's Insights cover a location of the team: the row's execution
 * time and credits become the sum over the team's assets there
 * (reportingMetricsByAsset), its whole-location figures those of the
 * location's jobs (reportingMetricsByJob), and its day buckets come from
 * Insights too.
 */
export function withInsights(
  report: ComputeReport,
  insights: readonly DeploymentInsights[],
  assets: readonly InsightsScopeAsset[],
  window: TimeWindow,
): ComputeReport {
  if (insights.length === 0) return report;
  const byDeployment = new Map(insights.map((i) => [i.deployment, i]));
  if (!assets.some((a) => byDeployment.has(a.deployment))) return report;
  if (window.bucketMs < DAY) {
    return {
      ...report,
      insightsNote:
        "Dagster+ Insights are daily: this hourly range shows runs read by Healthboard.",
    };
  }
  const teamAssets = new Map<string, Set<string>>();
  for (const a of assets) {
    if (!byDeployment.has(a.deployment)) continue;
    const k = rowKey(a.deployment, a.location);
    const ids = teamAssets.get(k) ?? new Set<string>();
    ids.add(a.id);
    teamAssets.set(k, ids);
  }
  const rows = new Map(report.locations.map((r) => [rowKey(r.deployment, r.location), r]));
  const replaced = new Set<string>(); // locations (bucket key) whose buckets Insights fill
  const buckets = new Map<string, ComputeBucket>();
  for (const [k, ids] of teamAssets) {
    const [deployment, location] = k.split("\u0000") as [string, string];
    const source = byDeployment.get(deployment) as DeploymentInsights;
    const team: Sum = { seconds: 0, credits: null };
    let found = false;
    for (const a of source.assets) {
      if (a.location !== location || !ids.has(a.id)) continue;
      found = true;
      for (const d of a.days) {
        if (!inWindow(window, d)) continue;
        addDay(team, d);
        const bk = `${d.day}\u0000${location}`;
        const cell = buckets.get(bk) ?? {
          bucket: d.day,
          location,
          stepSeconds: 0,
          credits: null,
          source: INSIGHTS_SOURCE,
        };
        cell.stepSeconds += d.executionSeconds;
        if (d.credits !== null) cell.credits = (cell.credits ?? 0) + d.credits;
        buckets.set(bk, cell);
      }
    }
    const jobs = source.locations.find((l) => l.location === location);
    if (!found && !jobs) continue; // Insights know nothing of this location: runs stay
    const whole: Sum = { seconds: 0, credits: null };
    for (const d of jobs?.days ?? []) if (inWindow(window, d)) addDay(whole, d);
    replaced.add(location);
    rows.set(k, {
      ...(rows.get(k) ?? emptyComputeRow(deployment, location)),
      stepSeconds: team.seconds,
      credits: team.credits,
      source: INSIGHTS_SOURCE,
      locationSeconds: jobs ? whole.seconds : null,
      locationCredits: jobs ? whole.credits : null,
    });
  }
  if (replaced.size === 0) return report;
  const locations = [...rows.values()].sort(
    (a, b) => b.stepSeconds - a.stepSeconds || a.location.localeCompare(b.location),
  );
  const withCredits = locations.filter((l) => l.credits !== null);
  const sources = [...new Set(locations.map((l) => l.source))];
  return {
    ...report,
    source: sources.join("; "),
    locations,
    buckets: [...report.buckets.filter((b) => !replaced.has(b.location)), ...buckets.values()].sort(
      (a, b) => a.bucket - b.bucket || a.location.localeCompare(b.location),
    ),
    totalStepSeconds: locations.reduce((s, l) => s + l.stepSeconds, 0),
    totalCredits: withCredits.length
      ? withCredits.reduce((s, l) => s + (l.credits as number), 0)
      : null,
  };
}
