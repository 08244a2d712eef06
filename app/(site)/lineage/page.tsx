import type { Metadata } from "next";
import { loadConfig } from "@/lib/config/load-config";
import { linkEnvironment } from "@/lib/environments/env-href";
import { defaultEnvironment, pageEnvironment } from "@/lib/environments/environment-param";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { firstFrameScript } from "@/lib/lineage/first-frame-script";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { deploymentFreshness } from "@/lib/overview/deployment-freshness";
import { getOverview } from "@/lib/overview/get-overview";
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
  // The first-frame script in the document asks for the graph and draws it
  // into the shell's canvas before React has loaded (components/lineage/first-frame.ts).
  // No <link rel=preload> for it: a preload cannot send the Accept header that
  // picks the gzip-once representation (lib/http/compressed-json.ts), and
  // Chromium hands the preloaded plain JSON to the script's fetch instead.
  // The data-age banner is in the document too, so the graph below it does not move when the page loads.
  const freshness = deploymentFreshness(await getOverview(shown).catch(() => undefined));
  const firstFrame = firstFrameScript();
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
      {firstFrame ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: our own bundle, built with the app
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: firstFrame }} />
      ) : null}
    </>
  );
}
