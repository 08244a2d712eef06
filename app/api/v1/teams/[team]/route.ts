import { parseParams } from "@/lib/api/request-params";
import { teamParamsSchema, teamSlugSchema } from "@/lib/api/team-params";
import { environmentParam } from "@/lib/environments/environment-param";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";
import { getTeamPage } from "@/lib/teams/get-team-page";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  const query = parseParams(teamParamsSchema.strict(), request.url);
  if (!query.ok) return badRequest(query.message);
  const env = environmentParam(request.url);
  if (!env.ok) return badRequest(env.message);
  const model = teamSlugSchema.safeParse(team).success
    ? await getTeamPage(team, query.value.range, query.value.location, env.value)
    : null;
  if (!model) return Response.json({ error: "unknown team" }, { status: 404 });
  const { location } = query.value;
  if (location !== undefined && !model.allLocations.includes(location)) {
    return badRequest(`location: not one of this team's (${model.allLocations.join(", ")})`);
  }
  return jsonWithEtag(request, model);
}
