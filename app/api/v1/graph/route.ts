import { graphBodyKey, graphPayloadOf } from "@/lib/api/current-graph-payload";
import { getSnapshot } from "@/lib/collector/collectors";
import { environmentParam } from "@/lib/environments/environment-param";
import { badRequest, snapshotJson } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const env = environmentParam(request.url);
  if (!env.ok) return badRequest(env.message);
  const snapshot = await getSnapshot(env.value);
  return snapshotJson(request, graphBodyKey(env.value), snapshot.generation, () =>
    graphPayloadOf(snapshot),
  );
}
