import {
  badgeQuerySchema,
  locationPartsSchema,
  parseBadgeQuery,
  stripSvg,
} from "@/lib/badges/badge-params";
import { badgeResponse, badRequestBadge, notFoundBadge } from "@/lib/badges/badge-response";
import { locationBadge } from "@/lib/badges/get-badge";

export const dynamic = "force-dynamic";

/** /badge/location/{deployment}/{location}.svg */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ deployment: string; file: string }> },
) {
  const { deployment, file } = await params;
  const location = stripSvg(file);
  if (location === null) return notFoundBadge(request);
  const parts = locationPartsSchema.safeParse({ deployment, location });
  if (!parts.success) return badRequestBadge(request, String(parts.error.issues[0]?.path[0]));
  const query = parseBadgeQuery(badgeQuerySchema, request.url);
  if (!query.ok) return badRequestBadge(request, query.param);
  const { label, style } = query.value;
  return badgeResponse(
    request,
    await locationBadge(parts.data.deployment, parts.data.location, label),
    style,
  );
}
