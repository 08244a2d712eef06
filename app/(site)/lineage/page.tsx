import type { Metadata } from "next";
import { Suspense } from "react";
import { PanelSkeleton } from "@/components/panel/panel-skeleton";
import { loadConfig } from "@/lib/config/load-config";
import { linkEnvironment } from "@/lib/environments/env-href";
import { defaultEnvironment, pageEnvironment } from "@/lib/environments/environment-param";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { LineageClient } from "./_components/lineage-client";

export const metadata: Metadata = { title: "Lineage" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LineagePage({ searchParams }: Props) {
  // One environment at a time (docs/environments.md); an unknown one is a 404.
  const env = linkEnvironment(pageEnvironment((await searchParams).env), defaultEnvironment());
  const config = loadConfig();
  const urls = dagsterUrls(knownDeployments()); // with deployments found in Dagster+
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
          env={env}
        />
      </Suspense>
    </>
  );
}
