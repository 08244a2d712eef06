import { z } from "zod";

// Query-string validation for the API routes: a bad value is a 400 that names
// the parameter, never a 500.

const name = z.string().min(1).max(200);

export const assetParamsSchema = z.strictObject({
  team: name.optional(),
  deployment: name.optional(),
  location: name.optional(),
  /** Resolved by environmentParam (lib/environments/environment-param.ts). */
  env: name.optional(),
});

export const deployParamsSchema = z.strictObject({
  deployment: name.optional(),
  location: name.optional(),
  days: z.coerce.number().int().min(1).max(90).default(14),
});

export function parseParams<T extends z.ZodType>(
  schema: T,
  url: string,
): { ok: true; value: z.infer<T> } | { ok: false; message: string } {
  const params = Object.fromEntries(new URL(url).searchParams);
  const result = schema.safeParse(params);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "query";
  const message =
    issue?.code === "unrecognized_keys"
      ? unknownKeys(issue.keys, Object.keys(schemaShape(schema)))
      : `${where}: ${issue?.message}`;
  return { ok: false, message: message.slice(0, 300) };
}

/** Plain parameter names, as a client would write them: only these are named back. */
const PLAIN_NAME = /^[A-Za-z][\w.-]{0,39}$/;

/** Names the unknown parameters that look like names, never raw input, and lists the known ones. */
function unknownKeys(keys: readonly string[], known: readonly string[]): string {
  const plain = keys.filter((k) => PLAIN_NAME.test(k)).slice(0, 5);
  const named =
    plain.length > 0 ? `unknown parameter(s): ${plain.join(", ")}` : "unknown parameter";
  return known.length > 0 ? `${named}; expected ${known.join(", ")}` : named;
}

function schemaShape(schema: z.ZodType): Record<string, unknown> {
  return schema instanceof z.ZodObject ? schema.shape : {};
}
