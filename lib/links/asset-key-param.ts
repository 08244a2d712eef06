// An asset key as people write it in a URL (?focus=, ?selected=, ?key=). The
// README shows three forms and all of them work:
//   - the JSON array: ["ml","product_embeddings"]  (exact; components may hold "/")
//   - a slash-separated key: ml/product_embeddings
//   - a plain key: recommendation_model
// Ambiguity rule: a plain string that is an existing single-part key wins over
// splitting it on "/" (a key ["a/b"] is named by "a/b" before ["a","b"] is);
// the JSON form is never ambiguous. Browser-safe, no framework.

/** Bounds shared by every key parameter: longer input is refused, not parsed. */
export const MAX_KEY_PARAM_CHARS = 5_000;
export const MAX_KEY_PARTS = 50;
export const MAX_KEY_PART_CHARS = 500;

export type KeyParam = { ok: true; candidates: string[][] } | { ok: false; message: string };

const validParts = (parts: readonly unknown[]): parts is string[] =>
  parts.length >= 1 &&
  parts.length <= MAX_KEY_PARTS &&
  parts.every((p) => typeof p === "string" && p.length >= 1 && p.length <= MAX_KEY_PART_CHARS);

/**
 * The keys a parameter may name, most preferred first. Input starting with "["
 * must be a JSON array of strings; anything else is a plain key and, when it
 * holds "/", also the key split on "/".
 */
export function parseKeyParam(raw: string | null | undefined): KeyParam {
  if (!raw) return { ok: false, message: "required" };
  if (raw.length > MAX_KEY_PARAM_CHARS) return { ok: false, message: "too long" };
  if (raw.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { ok: false, message: "not valid JSON; expected an array of strings" };
    }
    return Array.isArray(parsed) && validParts(parsed)
      ? { ok: true, candidates: [parsed] }
      : { ok: false, message: "expected a non-empty array of strings" };
  }
  const candidates: string[][] = [];
  if (raw.length <= MAX_KEY_PART_CHARS) candidates.push([raw]);
  if (raw.includes("/")) {
    const parts = raw.split("/");
    if (validParts(parts)) candidates.push(parts);
  }
  return candidates.length > 0
    ? { ok: true, candidates }
    : { ok: false, message: "expected a key: a JSON array, a plain key or parts joined by /" };
}

/**
 * The id (JSON.stringify of the key) of the first candidate that exists, else
 * of the most preferred one (so "not found" names what was asked for); null
 * when the parameter is malformed.
 */
export function resolveKeyParam(
  raw: string | null | undefined,
  exists: (id: string) => boolean,
): string | null {
  const parsed = parseKeyParam(raw);
  if (!parsed.ok) return null;
  const ids = parsed.candidates.map((k) => JSON.stringify(k));
  return ids.find(exists) ?? (ids[0] as string);
}
