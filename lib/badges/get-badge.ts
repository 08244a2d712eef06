import "server-only";
import { deployStore, getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { deployStats } from "@/lib/deploys/deploy-stats";
import { assetId } from "@/lib/domain/types";
import { environmentOf } from "@/lib/environments/known-deployments";
import { assetHealth } from "@/lib/health/health-model";
import { isFailedRun } from "@/lib/metrics/definitions";
import { definitionKey } from "@/lib/snapshot/snapshot-types";
import { teamAssets } from "@/lib/teams/team-assets";
import {
  assetBadgeState,
  freshnessBadgeState,
  locationBadgeState,
  teamBadgeState,
} from "./badge-state";
import type { Badge } from "./badge-svg";

// Badge data from the shared snapshot and the local deploy store only: a badge
// request never reaches Dagster, however many wikis embed it.

export interface BadgeResult {
  status: 200 | 404;
  badge: Badge;
  /** How long the answer stays true: the refresh interval of the data behind it. */
  refreshSeconds: number;
}

// A location badge has no range parameter: it says the deploy success of the
// last 14 days, [now − 14 d, now), as docs/health-model.md states.
const DEPLOY_WINDOW_MS = 14 * 86_400_000;

function notFound(label: string, refreshSeconds: number): BadgeResult {
  return { status: 404, badge: { label, message: "not found", color: "unknown" }, refreshSeconds };
}

/** A team's health in `env` (an environment name already checked; the default when omitted). */
export async function teamBadge(slug: string, label?: string, env?: string): Promise<BadgeResult> {
  const config = loadConfig();
  const refresh = config.refresh.assetStatusSeconds;
  const team = config.teams.find((t) => t.slug === slug);
  if (!team) return notFound(label ?? slug, refresh);
  const snapshot = await getSnapshot(env);
  const state = teamBadgeState(teamAssets(snapshot, slug).map((a) => a.health.overall));
  return { status: 200, badge: { label: label ?? team.name, ...state }, refreshSeconds: refresh };
}

/**
 * An asset's health in `env` (an environment name already checked; the
 * default when omitted). A badge that names its deployment reads that
 * deployment's environment instead (docs/environments.md).
 */
export async function assetBadge(
  key: string[],
  query: { label?: string; deployment?: string; show?: "health" | "freshness" },
  env?: string,
): Promise<BadgeResult> {
  const refresh = loadConfig().refresh.assetStatusSeconds;
  const label = query.label ?? key.join("/");
  const snapshot = await getSnapshot(
    (query.deployment ? environmentOf(query.deployment) : undefined) ?? env,
  );
  const id = assetId(key);
  const node = snapshot.graph.nodes.get(id);
  // A reference (an external AssetSpec declaring another location's asset) has
  // no health of its own (docs/health-model.md, Identity): it never colours a badge.
  const definitions = (node?.definitions ?? []).filter(
    (d) =>
      !node?.references.includes(d) && (!query.deployment || d.deployment === query.deployment),
  );
  if (definitions.length === 0) {
    // Before the first answer of the deployment(s) asked about, "not found"
    // would be a guess. A deployment that never answers does not keep every
    // other deployment's unknown keys from being "not found".
    const asked = snapshot.deployments.filter(
      (d) => !query.deployment || d.deployment === query.deployment,
    );
    const unread = asked.length > 0 && asked.every((d) => d.locationsAsOf === null);
    return unread
      ? { status: 200, badge: { label, message: "unknown", color: "unknown" }, refreshSeconds: 1 }
      : notFound(label, refresh);
  }
  const inputs = definitions.map((d) => {
    const status = snapshot.statuses.get(definitionKey(d.deployment, id));
    // The run behind a failed materialization: the latest run that planned the
    // asset, with its error when Healthboard read that run's events.
    const latest = status?.latestRun;
    const failed = latest && isFailedRun(latest) ? latest : null;
    const record = failed
      ? snapshot.runs.find((r) => r.id === failed.id && r.deployment === d.deployment)
      : undefined;
    return {
      health: assetHealth(status),
      policy: d.freshnessPolicy,
      lastMaterializedAt: status?.lastMaterializedAt ?? null,
      checks: status?.checks ?? [],
      failedRun: failed ? { id: failed.id, error: record?.error ?? null } : null,
    };
  });
  const state =
    query.show === "freshness"
      ? freshnessBadgeState(inputs, Date.now())
      : assetBadgeState(inputs, Date.now());
  return { status: 200, badge: { label, ...state }, refreshSeconds: refresh };
}

export async function locationBadge(
  deployment: string,
  location: string,
  label?: string,
): Promise<BadgeResult> {
  const refresh = loadConfig().refresh.locationStatusSeconds;
  const snapshot = await getSnapshot(environmentOf(deployment));
  const loc = snapshot.locations.find((l) => l.deployment === deployment && l.name === location);
  if (!loc) return notFound(label ?? location, refresh);
  const until = Date.now();
  const since = until - DEPLOY_WINDOW_MS;
  const stats = deployStats(
    await deployStore().list({ deployment, location, since, until }),
    since,
    until,
  );
  return {
    status: 200,
    badge: { label: label ?? location, ...locationBadgeState(loc.status, stats.successRate) },
    refreshSeconds: refresh,
  };
}
