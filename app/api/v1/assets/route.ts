import { toAssetRows } from "@/lib/api/assets-payload";
import { assetParamsSchema, parseParams } from "@/lib/api/request-params";
import { getSnapshot } from "@/lib/collector/collectors";
import { environmentParam } from "@/lib/environments/environment-param";
import { environmentOf } from "@/lib/environments/known-deployments";
import { badRequest, snapshotJson } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = parseParams(assetParamsSchema, request.url);
  if (!params.ok) return badRequest(params.message);
  const env = environmentParam(request.url);
  if (!env.ok) return badRequest(env.message);
  const { team, deployment, location } = params.value;
  // A deployment named reads its own environment, as an asset badge's ?deployment= does;
  // named with another env, the two disagree (a known deployment's name is safe to echo).
  const own = deployment ? environmentOf(deployment) : undefined;
  if (own && params.value.env !== undefined && own !== env.value)
    return badRequest(`deployment: ${deployment} is in environment ${own}, not ${env.value}`);
  const environment = own ?? env.value;
  const snapshot = await getSnapshot(environment);
  // As-of times live beside the assets in /api/v1/overview, so this body only changes with content.
  return snapshotJson(
    request,
    `assets|${environment}|${team ?? ""}|${deployment ?? ""}|${location ?? ""}`,
    snapshot.generation,
    () => ({
      generation: snapshot.generation,
      assets: toAssetRows(snapshot, params.value),
    }),
  );
}
