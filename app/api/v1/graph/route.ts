import { toGraphPayload } from "@/lib/api/graph-payload";
import { getSnapshot } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { snapshotJson } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const snapshot = await getSnapshot();
  const teams = loadConfig().teams.map((t) => t.slug);
  return snapshotJson(request, "graph", snapshot.generation, () => toGraphPayload(snapshot, teams));
}
