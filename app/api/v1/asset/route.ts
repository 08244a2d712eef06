import { assetDetail } from "@/lib/api/asset-detail";
import { getSnapshot } from "@/lib/collector/collectors";
import { environmentParam } from "@/lib/environments/environment-param";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";
import { parseKeyParam } from "@/lib/links/asset-key-param";

export const dynamic = "force-dynamic";

// ?key= takes the forms the README shows: ["ml","product_embeddings"] (JSON,
// exact), ml/product_embeddings, or recommendation_model (lib/links/asset-key-param.ts).
export async function GET(request: Request) {
  const parsed = parseKeyParam(new URL(request.url).searchParams.get("key"));
  if (!parsed.ok) return badRequest(`key: ${parsed.message}`);
  const env = environmentParam(request.url);
  if (!env.ok) return badRequest(env.message);
  const snapshot = await getSnapshot(env.value);
  const key =
    parsed.candidates.find((k) => snapshot.graph.nodes.has(JSON.stringify(k))) ??
    parsed.candidates[0];
  const detail = key ? assetDetail(snapshot, key) : null;
  if (!detail) return Response.json({ error: "no asset with this key" }, { status: 404 });
  return jsonWithEtag(request, detail);
}
