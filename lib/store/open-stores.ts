import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { SqliteAlertStore } from "@/lib/alerts/sqlite-alert-store";
import type { StoreConfig } from "@/lib/config/config-schema";
import { SqliteDeployStore } from "@/lib/deploys/sqlite-deploy-store";
import { SqliteKpiStore } from "@/lib/history/kpi-store";
import { LocalLeases } from "./lease-types";
import { openPostgresStores } from "./postgres/open-postgres";
import type { Stores } from "./stores";

/** Opens the configured store; the PostgreSQL URL comes from the variable the config names. */
export async function openStores(
  config: StoreConfig,
  dataDir: string,
  readEnv: (name: string) => string | undefined,
): Promise<Stores> {
  const replicaId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  if (config.kind === "postgres") {
    const url = readEnv(config.urlEnv);
    if (!url) throw new Error(`store.urlEnv: environment variable ${config.urlEnv} is not set`);
    return openPostgresStores({
      url,
      replicaId,
      leaseMs: config.leaseSeconds * 1000,
      poolSize: config.poolSize,
    });
  }
  const deploys = new SqliteDeployStore(path.join(dataDir, "deploys.sqlite"));
  const kpis = new SqliteKpiStore(path.join(dataDir, "kpis.sqlite"));
  const alerts = new SqliteAlertStore(path.join(dataDir, "alerts.sqlite"));
  const leases = new LocalLeases();
  return {
    kind: "sqlite",
    replicaId,
    deploys,
    kpis,
    alerts,
    leases,
    states: null,
    async close() {
      await leases.close();
      deploys.close();
      kpis.close();
      alerts.close();
    },
  };
}
