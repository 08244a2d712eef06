import { graphPayloadOf } from "@/lib/api/current-graph-payload";
import { getSnapshot } from "@/lib/collector/collectors";
import { snapshotJson } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const snapshot = await getSnapshot();
  return snapshotJson(request, "graph", snapshot.generation, () => graphPayloadOf(snapshot));
}
