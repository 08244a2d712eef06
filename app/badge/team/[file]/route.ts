import { badgeQuerySchema, parseBadgeQuery, stripSvg } from "@/lib/badges/badge-params";
import { badgeResponse, badRequestBadge, notFoundBadge } from "@/lib/badges/badge-response";
import { teamBadge } from "@/lib/badges/get-badge";
import { environmentParam } from "@/lib/environments/environment-param";

export const dynamic = "force-dynamic";

/** /badge/team/{team}.svg[?env=] */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const team = stripSvg((await params).file);
  if (team === null) return notFoundBadge(request);
  const query = parseBadgeQuery(badgeQuerySchema, request.url);
  if (!query.ok) return badRequestBadge(request, query.param);
  // `?env=`: the team in another environment (docs/environments.md); an unknown one is a 400 badge.
  const env = environmentParam(request.url);
  if (!env.ok) return badRequestBadge(request, "env");
  const { label, style } = query.value;
  return badgeResponse(request, await teamBadge(team, label, env.value), style);
}
