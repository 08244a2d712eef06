import { getSnapshot } from "@/lib/collector/collectors";
import { getUpstreamDeployNotes } from "@/lib/deploys/get-location-versions";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";
import { parseKeyParam } from "@/lib/links/asset-key-param";

export const dynamic = "force-dynamic";

// ?key= as /api/v1/asset takes it: deploys of upstream locations followed by
// failures or degradations in this asset's location (the lineage node panel).
export async function GET(request: Request) {
  const parsed = parseKeyParam(new URL(request.url).searchParams.get("key"));
  if (!parsed.ok) return badRequest(`key: ${parsed.message}`);
  const snapshot = await getSnapshot();
  const key = parsed.candidates.find((k) => snapshot.graph.nodes.has(JSON.stringify(k)));
  if (!key) return Response.json({ error: "no asset with this key" }, { status: 404 });
  return jsonWithEtag(request, { notes: await getUpstreamDeployNotes(JSON.stringify(key)) });
}
