import type { Metadata } from "next";
import { Suspense } from "react";
import { EmbedFrame } from "@/components/embed/embed-frame";
import { PanelSkeleton } from "@/components/panel/panel-skeleton";
import { loadConfig } from "@/lib/config/load-config";
import { parseEmbedParams } from "@/lib/embed/embed-params";
import { EmbedLineage } from "./_components/embed-lineage";

export const metadata: Metadata = { title: "Lineage", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The cross-repository graph around one asset (?focus=, ?depth=), chrome-less. */
export default async function EmbedLineagePage({ searchParams }: Props) {
  const view = parseEmbedParams(await searchParams);
  const config = loadConfig();
  return (
    <EmbedFrame theme={view.theme} autoHeight={view.autoHeight}>
      <Suspense fallback={<PanelSkeleton rows={6} />}>
        <EmbedLineage
          refreshMs={config.refresh.assetStatusSeconds * 1000}
          heightClass={view.autoHeight ? "h-[420px]" : "h-[calc(100vh-4rem)]"}
        />
      </Suspense>
    </EmbedFrame>
  );
}
