import { queryOptions } from "@tanstack/react-query";
import type { AssetDetail } from "@/lib/api/asset-detail";
import type { GraphPayload } from "@/lib/api/graph-payload";
import { withEnv } from "@/lib/environments/env-href";
import { compressedJsonRequestHeaders, readJson } from "@/lib/http/compressed-json";

/** The lineage graph of one environment (`env` unset: the default one). */
export function graphQuery(refetchMs: number, env?: string) {
  return queryOptions({
    queryKey: ["healthboard", "graph", env ?? null],
    queryFn: async (): Promise<GraphPayload> => {
      // The graph gzipped once per snapshot, shared by every viewer (lib/http/compressed-json.ts).
      const res = await fetch(withEnv("/api/v1/graph", env), {
        headers: compressedJsonRequestHeaders(),
      });
      if (!res.ok) throw new Error(`graph: HTTP ${res.status}`);
      return readJson<GraphPayload>(res);
    },
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
