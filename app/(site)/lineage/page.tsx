import type { Metadata } from "next";
import { Suspense } from "react";
import { PanelSkeleton } from "@/components/panel/panel-skeleton";
import { loadConfig } from "@/lib/config/load-config";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { LineageClient } from "./_components/lineage-client";

export const metadata: Metadata = { title: "Lineage" };
export const dynamic = "force-dynamic";

export default function LineagePage() {
  const config = loadConfig();
  const urls = dagsterUrls(config.deployments);
  // The banner reads each deployment's oldest part (locations, statuses, runs):
  // it is late only when it missed three refreshes of the slowest of them.
  const { locationStatusSeconds, assetStatusSeconds, runsSeconds } = config.refresh;
  const staleAfterMs = 3 * 1000 * Math.max(locationStatusSeconds, assetStatusSeconds, runsSeconds);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Cross-repository lineage</h1>
      <Suspense fallback={<PanelSkeleton rows={8} />}>
        <LineageClient
          urls={urls}
          refreshMs={config.refresh.assetStatusSeconds * 1000}
          staleAfterMs={staleAfterMs}
        />
      </Suspense>
    </>
  );
}
