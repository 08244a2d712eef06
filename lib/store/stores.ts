import type { AlertStore } from "@/lib/alerts/alert-store";
import type { DeployStore } from "@/lib/deploys/deploy-types";
import type { KpiStore } from "@/lib/history/kpi-store-types";
import type { Leases } from "./lease-types";
import type { StateChannel } from "./state-channel";

/** Everything Healthboard keeps, behind interfaces: SQLite for one instance, PostgreSQL for replicas. */
export interface Stores {
  kind: "sqlite" | "postgres";
  /** This process, as named in leases and publications. */
  replicaId: string;
  deploys: DeployStore;
  kpis: KpiStore;
  /** Alert state and outbox: shared, so whichever replica holds the "alerts" lease resumes it. */
  alerts: AlertStore;
  leases: Leases;
  /** How collected state reaches other replicas; null for a single instance. */
  states: StateChannel | null;
  close(): Promise<void>;
}
