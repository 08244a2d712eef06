import type { Awaitable } from "@/lib/deploys/deploy-types";
import type { KpiScopeSample } from "./kpi-sampling";

/** Where hourly KPI samples live: SQLite (kpi-store.ts) or PostgreSQL (lib/store/postgres/). */
export interface KpiStore {
  /** Records a sample unless it covers nothing or the team already has one within `minGapMs`. */
  record(sample: KpiScopeSample, minGapMs: number): Awaitable<boolean>;
  /** The team's sample nearest to `at`, if one lies within `toleranceMs` of it. */
  nearest(team: string, at: number, toleranceMs: number): Awaitable<KpiScopeSample | null>;
  close(): Awaitable<void>;
}
