import { toAssetRows } from "@/lib/api/assets-payload";
import { assetParamsSchema, parseParams } from "@/lib/api/request-params";
import { getSnapshot } from "@/lib/collector/collectors";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = parseParams(assetParamsSchema, request.url);
  if (!params.ok) return badRequest(params.message);
  const snapshot = await getSnapshot();
  return jsonWithEtag(request, {
    generation: snapshot.generation,
    deployments: snapshot.deployments,
    assets: toAssetRows(snapshot, params.value),
  });
}
