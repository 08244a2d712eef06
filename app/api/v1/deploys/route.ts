import { deployParamsSchema, parseParams } from "@/lib/api/request-params";
import { deployStore } from "@/lib/collector/collectors";
import { deployStats } from "@/lib/deploys/deploy-stats";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = parseParams(deployParamsSchema, request.url);
  if (!params.ok) return badRequest(params.message);
  const { deployment, location, days } = params.value;
  const until = Date.now();
  const since = until - days * 86_400_000;
  const events = await deployStore().list({ deployment, location, since, until: until + 1 });
  return jsonWithEtag(request, {
    since,
    until,
    stats: deployStats(events, since, until + 1),
    events,
  });
}
