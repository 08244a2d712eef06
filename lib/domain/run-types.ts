import type { RunStatus } from "@/lib/health/status-types";

/** A run, attributed to its code location. Times are epoch ms. */
export interface RunRecord {
  id: string;
  deployment: string;
  location: string;
  job: string;
  status: RunStatus;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  updatedAt: number | null;
}
