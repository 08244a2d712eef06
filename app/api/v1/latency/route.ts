import { getSnapshot } from "@/lib/collector/collectors";
import { environmentParam } from "@/lib/environments/environment-param";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";
import { parseKeyParam } from "@/lib/links/asset-key-param";
import { assetLatency } from "@/lib/performance/asset-latency";
import { isRange } from "@/lib/teams/time-range";

export const dynamic = "force-dynamic";

// ?key= as /api/v1/asset takes it; ?range= one of the team page's ranges (default 7d).
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = parseKeyParam(params.get("key"));
  if (!parsed.ok) return badRequest(`key: ${parsed.message}`);
  const range = params.get("range") ?? "7d";
  if (!isRange(range)) return badRequest("range: one of 24h, 7d, 14d, 30d");
  const env = environmentParam(request.url);
  if (!env.ok) return badRequest(env.message);
  const snapshot = await getSnapshot(env.value);
  const key =
    parsed.candidates.find((k) => snapshot.graph.nodes.has(JSON.stringify(k))) ??
    parsed.candidates[0];
  const report = key ? assetLatency(snapshot, JSON.stringify(key), range, Date.now()) : null;
  if (!report) return Response.json({ error: "no asset with this key" }, { status: 404 });
  return jsonWithEtag(request, report);
}
