import { jsonWithEtag } from "@/lib/http/json-response";
import { getOverview } from "@/lib/overview/get-overview";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return jsonWithEtag(request, await getOverview());
}
