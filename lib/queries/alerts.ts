import { queryOptions } from "@tanstack/react-query";
import type { AlertState } from "@/lib/alerts/alert-types";
import { type AlertRow, alertRows } from "@/lib/alerts/alerts-view";

/** Alerts pending or firing now, as the alerts page orders them (GET /api/v1/alerts). */
export function activeAlertsQuery(refetchMs = 15_000) {
  return queryOptions({
    queryKey: ["healthboard", "alerts", "active"],
    queryFn: async (): Promise<AlertRow[]> => {
      const res = await fetch("/api/v1/alerts");
      if (!res.ok) throw new Error(`alerts: HTTP ${res.status}`);
      return alertRows(((await res.json()) as { active: AlertState[] }).active);
    },
    refetchInterval: refetchMs,
  });
}
