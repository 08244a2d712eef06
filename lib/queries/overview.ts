import { queryOptions } from "@tanstack/react-query";
import type { Overview } from "@/lib/overview/overview-model";

/** The overview as the browser polls it, from Healthboard's own API (never Dagster). */
export function overviewQuery(refetchIntervalMs: number, env?: string) {
  return queryOptions({
    queryKey: ["healthboard", "overview", env ?? ""],
    queryFn: async (): Promise<Overview> => {
      const res = await fetch(
        env ? `/api/v1/overview?env=${encodeURIComponent(env)}` : "/api/v1/overview",
      );
      if (!res.ok) throw new Error(`overview: HTTP ${res.status}`);
      return (await res.json()) as Overview;
    },
    refetchInterval: refetchIntervalMs,
  });
}
