"use client";

import { useQuery } from "@tanstack/react-query";
import type { UpstreamDeployNote } from "@/lib/deploys/upstream-deploys";

/** Deploys of upstream locations followed by failures in this asset's location (lineage node panel). */
export function UpstreamDeploysNote({ assetId }: { assetId: string }) {
  const { data } = useQuery({
    queryKey: ["healthboard", "deploy-impact", assetId],
    queryFn: async (): Promise<{ notes: UpstreamDeployNote[] }> => {
      const res = await fetch(`/api/v1/deploys/impact?key=${encodeURIComponent(assetId)}`);
      if (!res.ok) throw new Error(`deploy impact: HTTP ${res.status}`);
      return (await res.json()) as { notes: UpstreamDeployNote[] };
    },
  });
  if (!data?.notes.length) return null;
  return (
    <div data-testid="node-deploy-impact">
      <h3 className="font-medium">Upstream deploys</h3>
      <ul className="text-xs">
        {data.notes.map((n) => (
          <li key={`${n.location}-${n.at}`} className={n.elevated ? "text-degraded" : ""}>
            {n.sentence}
          </li>
        ))}
      </ul>
    </div>
  );
}
