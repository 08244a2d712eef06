import type { RunError } from "@/lib/domain/run-types";
import type { FreshnessPolicy } from "@/lib/domain/types";
import { formatDuration } from "@/lib/format";
import type { AssetHealth } from "@/lib/health/health-model";
import type { CheckOutcome } from "@/lib/health/status-types";
import { lateBy } from "@/lib/metrics/definitions";

// Why an asset badge says what it says, for the SVG <title> (the tooltip a
// README reader hovers): "degraded: check auc_above_threshold failed (ERROR)",
// "degraded: run 1a2b3c4d… failed: RuntimeError: CUDA out of memory",
// "stale: 3.0 h past its 24 h window". Pure.

/** What the reason needs of one definition of an asset. */
export interface ReasonInput {
  health: AssetHealth;
  policy: FreshnessPolicy | null;
  lastMaterializedAt: number | null;
  checks?: readonly { name: string; outcome: CheckOutcome }[];
  /** The failed run behind a DEGRADED materialization, when known. */
  failedRun?: { id: string; error: RunError | null } | null;
}

const hours = (seconds: number) => `${formatDuration(seconds * 1000)}`;

/**
 * How far past its window an overdue asset is, for time-window policies
 * (lateBy, lib/metrics/definitions.ts: the team page's overdue list says the same).
 */
export function overdue(
  input: ReasonInput,
  now: number,
): { lateMs: number; windowSeconds: number; warn: boolean } | null {
  const p = input.policy;
  if (p?.kind !== "time-window" || input.lastMaterializedAt === null) return null;
  const late = lateBy(p, input.health.freshness, input.lastMaterializedAt, now);
  return late.lateMs > 0 && late.windowSeconds !== null
    ? { lateMs: late.lateMs, windowSeconds: late.windowSeconds, warn: late.warn }
    : null;
}

/** "3.0 h past its 24 h window", or the closest thing the policy allows saying. */
function staleBy(input: ReasonInput, now: number): string {
  const late = overdue(input, now);
  if (late) {
    return `${formatDuration(late.lateMs)} past its ${hours(late.windowSeconds)}${late.warn ? " warn" : ""} window`;
  }
  if (input.lastMaterializedAt === null) return "never materialized";
  return input.policy?.kind === "cron"
    ? `missed its deadline (${input.policy.deadlineCron}, ${input.policy.timezone})`
    : "past its freshness window";
}

/** The freshness verdict with its reason; null for an asset without a policy. */
export function freshnessReason(input: ReasonInput, now: number): string | null {
  const p = input.policy;
  if (!p) return null;
  const f = input.health.freshness;
  if (f === "WARNING" || f === "DEGRADED") return `stale: ${staleBy(input, now)}`;
  if (f !== "HEALTHY") return "unknown: Dagster has not evaluated its freshness policy yet";
  if (input.lastMaterializedAt === null || p.kind !== "time-window") return "fresh";
  return `fresh: materialized ${formatDuration(now - input.lastMaterializedAt)} ago, within its ${hours(p.failWindowSeconds)} window`;
}

/** Longest error line in a title: the title holds every reason, the error is only one. */
const MAX_ERROR_LINE = 80;

/**
 * "RuntimeError: CUDA out of memory": the class once (Dagster's own errors
 * start with the module path, "dagster._core.errors.X: …"), then the message's
 * first line, cut to MAX_ERROR_LINE.
 */
export function errorLine(error: RunError): string {
  const first = (error.message.split("\n")[0] ?? "").trim();
  const cls = error.className;
  let text = first;
  if (cls) {
    const escaped = cls.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const rest = first.replace(new RegExp(`^(?:[\\w.]+\\.)?${escaped}:\\s*`), "");
    text = `${cls}: ${rest}`;
  }
  return text.length <= MAX_ERROR_LINE ? text : `${text.slice(0, MAX_ERROR_LINE - 1)}…`;
}

function materializationReason(input: ReasonInput): string {
  const run = input.failedRun;
  if (!run) return "its latest materialization failed";
  const head = `run ${run.id.slice(0, 8)}… failed`;
  return run.error ? `${head}: ${errorLine(run.error)}` : head;
}

function checkReasons(input: ReasonInput, outcome: "failed" | "warning"): string[] {
  const severity = outcome === "failed" ? "ERROR" : "WARN";
  return (input.checks ?? [])
    .filter((c) => c.outcome === outcome)
    .map((c) => `check ${c.name} failed (${severity})`);
}

/** The overall health with every component that made it so; null when healthy. */
export function healthReason(input: ReasonInput, now: number): string | null {
  const h = input.health;
  const parts: string[] = [];
  if (h.overall === "DEGRADED") {
    // Short reasons first, the run's error (the longest) last, so the title's bound cuts least.
    if (h.checks === "DEGRADED") {
      const failed = checkReasons(input, "failed");
      parts.push(...(failed.length ? failed : ["an ERROR check failed or could not run"]));
    }
    if (h.freshness === "DEGRADED") parts.push(`stale, ${staleBy(input, now)}`);
    if (h.materialization === "DEGRADED") parts.push(materializationReason(input));
  } else if (h.overall === "WARNING") {
    if (h.checks === "WARNING") {
      const warned = checkReasons(input, "warning");
      parts.push(...(warned.length ? warned : ["a WARN check failed"]));
    }
    if (h.freshness === "WARNING") parts.push(`stale, ${staleBy(input, now)}`);
    if (h.materialization === "WARNING") parts.push("a failed materialization will be retried");
  } else if (h.overall === "UNKNOWN") {
    parts.push(h.materialization === "UNKNOWN" ? "never materialized" : "nothing known yet");
  }
  return parts.length ? `${h.overall.toLowerCase()}: ${parts.join("; ")}` : null;
}
