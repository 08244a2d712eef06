import { toGraphPayload } from "@/lib/api/graph-payload";
import { getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { environmentParam } from "@/lib/environments/environment-param";
import { badRequest, snapshotJson } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const env = environmentParam(request.url);
  if (!env.ok) return badRequest(env.message);
  const snapshot = await getSnapshot(env.value);
  const teams = loadConfig().teams.map((t) => t.slug);
  return snapshotJson(request, `graph:${env.value}`, snapshot.generation, () =>
    toGraphPayload(snapshot, teams),
  );
}
