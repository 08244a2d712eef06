import { queryOptions } from "@tanstack/react-query";
import type { AssetDetail } from "@/lib/api/asset-detail";
import type { GraphPayload } from "@/lib/api/graph-payload";
import { withEnv } from "@/lib/environments/env-href";
import { fetchGraph, takeFirstGraph } from "./graph-fetch";

/** The lineage graph of one environment (`env` unset: the default one). */
export function graphQuery(refetchMs: number, env?: string) {
  return queryOptions({
    queryKey: ["healthboard", "graph", env ?? null],
    // The first load takes what the first-frame script already asked for.
    queryFn: (): Promise<GraphPayload> => takeFirstGraph(env) ?? fetchGraph(env),
    refetchInterval: refetchMs,
    // Keep the same object when nothing changed, so the canvas does not redraw.
    structuralSharing: false,
  });
}

export function assetDetailQuery(key: string | null, env?: string) {
  return queryOptions({
    queryKey: ["healthboard", "asset", key, env ?? null],
    enabled: key !== null,
    queryFn: async (): Promise<AssetDetail> => {
      const res = await fetch(withEnv(`/api/v1/asset?key=${encodeURIComponent(key ?? "")}`, env));
      if (!res.ok) throw new Error(`asset: HTTP ${res.status}`);
      return (await res.json()) as AssetDetail;
    },
  });
}
