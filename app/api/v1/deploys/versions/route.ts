import { parseParams } from "@/lib/api/request-params";
import { getSnapshot } from "@/lib/collector/collectors";
import { versionsParamsSchema } from "@/lib/deploys/get-location-versions";
import { getCachedLocationVersions } from "@/lib/deploys/team-page-reads";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

// Version history, last known good, rollback plan, deploy impact and deploy
// order, for one location or every location of a deployment (docs/deploys.md).
export async function GET(request: Request) {
  const params = parseParams(versionsParamsSchema, request.url);
  if (!params.ok) return badRequest(params.message);
  const { deployment, location } = params.value;
  const refs = (await getSnapshot()).locations
    .filter(
      (l) => (!deployment || l.deployment === deployment) && (!location || l.name === location),
    )
    .map((l) => ({ deployment: l.deployment, location: l.name }));
  if (location && refs.length === 0)
    return Response.json({ error: "location: no such code location" }, { status: 404 });
  return jsonWithEtag(request, await getCachedLocationVersions(refs));
}
