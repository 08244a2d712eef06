import { z } from "zod";

// Query-string validation for the API routes: a bad value is a 400 that names
// the parameter, never a 500.

const name = z.string().min(1).max(200);

export const assetParamsSchema = z.strictObject({
  team: name.optional(),
  deployment: name.optional(),
  location: name.optional(),
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
      ? `unknown parameter(s): ${issue.keys.join(", ")}`
      : `${where}: ${issue?.message}`;
  return { ok: false, message: message.slice(0, 300) };
}
