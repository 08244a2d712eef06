import { getMetricsText } from "@/lib/observability/get-metrics";
import { CONTENT_TYPE } from "@/lib/observability/render-metrics";

// Prometheus scrape endpoint (docs/metrics.md). Access is decided in proxy.ts.
export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await getMetricsText(), {
    headers: { "Content-Type": CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}
