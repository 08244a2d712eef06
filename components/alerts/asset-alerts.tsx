"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { activeAlertsQuery } from "@/lib/queries/alerts";

/** In the lineage node panel: alerts pending or firing about this asset (or rooted in it). */
export function AssetAlerts({ assetKey }: { assetKey: string[] }) {
  const { data } = useQuery(activeAlertsQuery());
  const asset = assetKey.join("/");
  const rows = (data ?? []).filter((r) => r.asset === asset);
  if (rows.length === 0) return null;
  return (
    <section aria-label="Alerts on this asset" data-testid="asset-alerts" className="space-y-1">
      <h3 className="font-semibold">Alerts</h3>
      <ul className="space-y-1">
        {rows.map((r) => (
          <li key={r.fingerprint}>
            <span className={r.status === "firing" ? "text-degraded" : "text-warning"}>
              {r.status}
            </span>{" "}
            · {r.team} · <code>{r.rule}</code>: {r.summary}
          </li>
        ))}
      </ul>
      <Link className="text-xs underline" href="/alerts">
        All alerts
      </Link>
    </section>
  );
}
