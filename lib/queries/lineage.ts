import { queryOptions } from "@tanstack/react-query";
import type { AssetDetail } from "@/lib/api/asset-detail";
import type { GraphPayload } from "@/lib/api/graph-payload";

export function graphQuery(refetchMs: number) {
  return queryOptions({
    queryKey: ["healthboard", "graph"],
    queryFn: async (): Promise<GraphPayload> => {
      const res = await fetch("/api/v1/graph");
      if (!res.ok) throw new Error(`graph: HTTP ${res.status}`);
      return (await res.json()) as GraphPayload;
    },
    refetchInterval: refetchMs,
    // Keep the same object when nothing changed, so the canvas does not redraw.
    structuralSharing: false,
  });
}

export function assetDetailQuery(key: string | null) {
  return queryOptions({
    queryKey: ["healthboard", "asset", key],
    enabled: key !== null,
    queryFn: async (): Promise<AssetDetail> => {
      const res = await fetch(`/api/v1/asset?key=${encodeURIComponent(key ?? "")}`);
      if (!res.ok) throw new Error(`asset: HTTP ${res.status}`);
      return (await res.json()) as AssetDetail;
    },
  });
}
