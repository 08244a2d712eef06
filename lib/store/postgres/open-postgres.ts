import pg from "pg";
import type { Stores } from "@/lib/store/stores";
import { migrate } from "./migrations";
import { PgAlertStore } from "./pg-alert-store";
import { PgDeployStore } from "./pg-deploy-store";
import { PgKpiStore } from "./pg-kpi-store";
import { PgLeases } from "./pg-leases";
import { PgStateChannel } from "./pg-state-channel";

export interface PostgresOptions {
  url: string;
  replicaId: string;
  leaseMs: number;
  poolSize: number;
}

/** Connects, migrates (once across replicas) and returns the shared stores. */
export async function openPostgresStores(options: PostgresOptions): Promise<Stores> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize });
  // An idle pooled connection that drops must not take the process down; the
  // next query reconnects (and leases expire locally meanwhile).
  pool.on("error", () => undefined);
  const applied = await migrate(pool, options.replicaId);
  if (applied.length > 0)
    console.info(
      `healthboard: applied store migrations ${applied.join(", ")} (${options.replicaId})`,
    );
  const leases = new PgLeases(pool, options.replicaId, options.leaseMs);
  const states = new PgStateChannel(pool, options.url);
  return {
    kind: "postgres",
    replicaId: options.replicaId,
    deploys: new PgDeployStore(pool),
    kpis: new PgKpiStore(pool),
    alerts: new PgAlertStore(pool),
    leases,
    states,
    async close() {
      await leases.close();
      await states.close();
      await pool.end();
    },
  };
}
