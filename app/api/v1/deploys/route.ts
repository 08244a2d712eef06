import { deployParamsSchema, parseParams } from "@/lib/api/request-params";
import { deployStore } from "@/lib/collector/collectors";
import { loadConfig } from "@/lib/config/load-config";
import { handleAnnotation } from "@/lib/deploys/annotation-request";
import { deployStats } from "@/lib/deploys/deploy-stats";
import { readToken } from "@/lib/env";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = parseParams(deployParamsSchema, request.url);
  if (!params.ok) return badRequest(params.message);
  const { deployment, location, days } = params.value;
  const until = Date.now();
  const since = until - days * 86_400_000;
  const events = await deployStore().list({ deployment, location, since, until });
  return jsonWithEtag(request, {
    since,
    until,
    stats: deployStats(events, since, until),
    events,
  });
}

/** A CI annotation (docs/deploys.md); exists only when `deploys.annotationTokenEnv` names a set variable. */
export async function POST(request: Request) {
  const config = loadConfig();
  const tokenEnv = config.deploys.annotationTokenEnv;
  return handleAnnotation(request, {
    token: tokenEnv ? readToken(tokenEnv) : undefined,
    environments: [...new Set(config.deployments.flatMap((d) => [d.name, d.environment]))],
    record: (a) => deployStore().annotate(a),
    now: Date.now(),
  });
}
