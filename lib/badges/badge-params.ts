import { z } from "zod";

// Badge URLs: path parts and query strings, validated with zod. A badge URL
// that fails here still gets an SVG (a 400 badge), never a 500.

const SUFFIX = ".svg";
const name = z.string().min(1).max(200);

/**
 * ?label= and ?style=. Unknown parameters are ignored on purpose, unlike the
 * JSON API: READMEs add cache-busters (?v=2, ?t=...) to badge URLs, as they do
 * for shields.io, and those must not break the image.
 */
export const badgeQuerySchema = z.object({
  label: z.string().min(1).max(100).optional(),
  style: z.enum(["flat", "flat-square"]).default("flat"),
});

/** ?show=health (the default: overall health) or ?show=freshness (the freshness verdict alone). */
export const assetBadgeQuerySchema = badgeQuerySchema.extend({
  deployment: name.optional(),
  show: z.enum(["health", "freshness"]).default("health"),
});

export const assetKeySchema = z.array(z.string().min(1).max(500)).min(1).max(50);
export const locationPartsSchema = z.object({ deployment: name, location: name });

export type ParseResult<T> = { ok: true; value: T } | { ok: false; param: string };

/** Parses the query string; on failure, names the first bad parameter (never its value). */
export function parseBadgeQuery<T extends z.ZodType>(
  schema: T,
  url: string,
): ParseResult<z.infer<T>> {
  const result = schema.safeParse(Object.fromEntries(new URL(url).searchParams));
  if (result.success) return { ok: true, value: result.data };
  const path = result.error.issues[0]?.path[0];
  return { ok: false, param: typeof path === "string" ? path : "query" };
}

/** "ml.svg" -> "ml"; null when the segment does not end in .svg (so is not a badge URL). */
export function stripSvg(segment: string): string | null {
  return segment.endsWith(SUFFIX) && segment.length > SUFFIX.length
    ? segment.slice(0, -SUFFIX.length)
    : null;
}
