import type { Metadata } from "next";
import { Suspense } from "react";
import { PanelSkeleton } from "@/components/panel/panel-skeleton";
import { currentGraphJson } from "@/lib/api/current-graph-payload";
import { loadConfig } from "@/lib/config/load-config";
import { linkEnvironment } from "@/lib/environments/env-href";
import { defaultEnvironment, pageEnvironment } from "@/lib/environments/environment-param";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { LineageClient } from "./_components/lineage-client";

export const metadata: Metadata = { title: "Lineage" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function LineagePage({ searchParams }: Props) {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Cross-repository lineage</h1>
      <Suspense fallback={<PanelSkeleton rows={8} />}>
        <LineageWithGraph searchParams={searchParams} />
      </Suspense>
    </>
  );
}

/**
 * The graph travels in the document, streamed after the heading: the canvas
 * paints on hydration instead of asking for it afterwards (a round trip after
 * the scripts have loaded). The browser's polls then keep it current.
 */
async function LineageWithGraph({ searchParams }: Props) {
  // One environment at a time (docs/environments.md); an unknown one is a 404.
  const shown = pageEnvironment((await searchParams).env);
  const env = linkEnvironment(shown, defaultEnvironment());
  const config = loadConfig();
  const urls = dagsterUrls(knownDeployments()); // with deployments found in Dagster+
  // The banner reads each deployment's oldest part (locations, statuses, runs):
  // it is late only when it missed three refreshes of the slowest of them.
  const { locationStatusSeconds, assetStatusSeconds, runsSeconds } = config.refresh;
  const staleAfterMs = 3 * 1000 * Math.max(locationStatusSeconds, assetStatusSeconds, runsSeconds);
  // Without a snapshot the page still renders; the browser's fetch reports the error.
  const initialGraphJson = await currentGraphJson(shown).catch(() => undefined);
  return (
    <LineageClient
      urls={urls}
      refreshMs={config.refresh.assetStatusSeconds * 1000}
      staleAfterMs={staleAfterMs}
      env={env}
      initialGraphJson={initialGraphJson}
    />
  );
}
