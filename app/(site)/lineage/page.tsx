import type { Metadata } from "next";
import { preload } from "react-dom";
import { loadConfig } from "@/lib/config/load-config";
import { linkEnvironment } from "@/lib/environments/env-href";
import { defaultEnvironment, pageEnvironment } from "@/lib/environments/environment-param";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { firstFrameScript } from "@/lib/lineage/first-frame-script";
import { documentGraphJson } from "@/lib/lineage/inline-graph";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { deploymentFreshness } from "@/lib/overview/deployment-freshness";
import { getOverviewDeployments } from "@/lib/overview/get-overview";
import { graphHref, INLINE_GRAPH_ID } from "@/lib/queries/graph-fetch";
import { requestNonce } from "@/lib/security/request-nonce";
import { LineageClient } from "./_components/lineage-client";

export const metadata: Metadata = { title: "Lineage" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LineagePage({ searchParams }: Props) {
  // One environment at a time (docs/environments.md); an unknown one is a 404.
  const shown = pageEnvironment((await searchParams).env);
  const env = linkEnvironment(shown, defaultEnvironment());
  const config = loadConfig();
  const urls = dagsterUrls(knownDeployments()); // with deployments found in Dagster+
  // The banner reads each deployment's oldest part (locations, statuses, runs):
  // it is late only when it missed three refreshes of the slowest of them.
  const { locationStatusSeconds, assetStatusSeconds, runsSeconds } = config.refresh;
  const staleAfterMs = 3 * 1000 * Math.max(locationStatusSeconds, assetStatusSeconds, runsSeconds);
  // The first-frame script in the document draws the graph into the shell's
  // canvas before React has loaded (components/lineage/first-frame.ts). A
  // small graph comes in the document itself (lib/lineage/inline-graph.ts).
  // Otherwise the script fetches it; it runs only once the stylesheet is in
  // (an inline script waits for the stylesheets before it), so that request is
  // made here, as a <link rel=preload> in the head that the browser sends with
  // the stylesheet, and the script's fetch of the same URL takes the answer.
  const firstFrame = firstFrameScript();
  const graphJson = firstFrame ? await documentGraphJson(shown) : null;
  if (!graphJson) preload(graphHref(env), { as: "fetch", crossOrigin: "anonymous" });
  // The data-age banner is in the document too, so the graph below it does not move when the page loads.
  const freshness = deploymentFreshness(await getOverviewDeployments(shown).catch(() => undefined));
  const nonce = await requestNonce();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Cross-repository lineage</h1>
      <LineageClient
        urls={urls}
        refreshMs={config.refresh.assetStatusSeconds * 1000}
        staleAfterMs={staleAfterMs}
        env={env}
        initialFreshness={{ deployments: freshness, at: Date.now() }}
      />
      {graphJson ? (
        <script
          type="application/json"
          id={INLINE_GRAPH_ID}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: our own JSON, with every "<" escaped
          dangerouslySetInnerHTML={{ __html: graphJson }}
        />
      ) : null}
      {firstFrame ? (
        <script
          nonce={nonce}
          data-env={env ?? ""}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: our own bundle, built with the app
          dangerouslySetInnerHTML={{ __html: firstFrame }}
        />
      ) : null}
    </>
  );
}
