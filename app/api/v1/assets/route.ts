import { toAssetRows } from "@/lib/api/assets-payload";
import { assetParamsSchema, parseParams } from "@/lib/api/request-params";
import { getSnapshot } from "@/lib/collector/collectors";
import { badRequest, snapshotJson } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = parseParams(assetParamsSchema, request.url);
  if (!params.ok) return badRequest(params.message);
  const snapshot = await getSnapshot();
  const { team, deployment, location } = params.value;
  // As-of times live beside the assets in /api/v1/overview, so this body only changes with content.
  return snapshotJson(
    request,
    `assets|${team ?? ""}|${deployment ?? ""}|${location ?? ""}`,
    snapshot.generation,
    () => ({
      generation: snapshot.generation,
      assets: toAssetRows(snapshot, params.value),
    }),
  );
}
