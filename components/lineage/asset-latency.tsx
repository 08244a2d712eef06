"use client";

import { useQuery } from "@tanstack/react-query";
import { PanelSkeleton } from "@/components/panel/panel-skeleton";
import { LatencyChainCard } from "@/components/team/latency-panel";
import { withEnv } from "@/lib/environments/env-href";
import type { LatencyReport } from "@/lib/performance/latency-report";

/** Pipeline latency of the measured chains through the selected asset (last 7 days). */
export function AssetLatency({ id, env }: { id: string; env?: string }) {
  const { data, isPending, error } = useQuery({
    queryKey: ["healthboard", "latency", id, env ?? null],
    queryFn: async (): Promise<LatencyReport> => {
      const res = await fetch(
        withEnv(`/api/v1/latency?key=${encodeURIComponent(id)}&range=7d`, env),
      );
      if (!res.ok) throw new Error(`latency: HTTP ${res.status}`);
      return (await res.json()) as LatencyReport;
    },
  });
  if (isPending) return <PanelSkeleton rows={1} />;
  if (error || !data || data.chains.length === 0) return null;
  return (
    <section aria-label="Pipeline latency" data-testid="node-latency" className="space-y-2">
      <h3 className="text-xs text-slate-500">Pipeline latency through this asset, last 7 days</h3>
      {data.chains.map((c) => (
        <LatencyChainCard
          key={`${c.deployment}/${c.assets.map((a) => a.id).join(">")}`}
          chain={c}
        />
      ))}
    </section>
  );
}
