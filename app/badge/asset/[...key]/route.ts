import {
  assetBadgeQuerySchema,
  assetKeySchema,
  parseBadgeQuery,
  stripSvg,
} from "@/lib/badges/badge-params";
import { badgeResponse, badRequestBadge, notFoundBadge } from "@/lib/badges/badge-response";
import { assetBadge } from "@/lib/badges/get-badge";
import { environmentParam } from "@/lib/environments/environment-param";

export const dynamic = "force-dynamic";

/** /badge/asset/{key components...}.svg[?deployment=&env=]: the last component carries ".svg". */
export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const segments = (await params).key;
  const last = stripSvg(segments.at(-1) ?? "");
  if (last === null) return notFoundBadge(request);
  const key = assetKeySchema.safeParse([...segments.slice(0, -1), last]);
  if (!key.success) return badRequestBadge(request, "key");
  const query = parseBadgeQuery(assetBadgeQuerySchema, request.url);
  if (!query.ok) return badRequestBadge(request, query.param);
  // `?env=`: the asset in another environment; an unknown one is a 400 badge.
  const env = environmentParam(request.url);
  if (!env.ok) return badRequestBadge(request, "env");
  return badgeResponse(
    request,
    await assetBadge(key.data, query.value, env.value),
    query.value.style,
  );
}
