import { environmentParam } from "@/lib/environments/environment-param";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";
import { getOverview } from "@/lib/overview/get-overview";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const env = environmentParam(request.url);
  if (!env.ok) return badRequest(env.message);
  return jsonWithEtag(request, await getOverview(env.value));
}
