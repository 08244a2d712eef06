import { badgeQuerySchema, parseBadgeQuery, stripSvg } from "@/lib/badges/badge-params";
import { badgeResponse, badRequestBadge, notFoundBadge } from "@/lib/badges/badge-response";
import { teamBadge } from "@/lib/badges/get-badge";

export const dynamic = "force-dynamic";

/** /badge/team/{team}.svg */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const team = stripSvg((await params).file);
  if (team === null) return notFoundBadge(request);
  const query = parseBadgeQuery(badgeQuerySchema, request.url);
  if (!query.ok) return badRequestBadge(request, query.param);
  const { label, style } = query.value;
  return badgeResponse(request, await teamBadge(team, label), style);
}
