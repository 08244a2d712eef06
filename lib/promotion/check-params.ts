import { z } from "zod";

const name = z.string().min(1).max(200);

/** GET /api/v1/contract-check: ?head= (the candidate environment), ?base= (default prod), ?location=. */
export const contractCheckParamsSchema = z.strictObject({
  base: name.optional(),
  head: name,
  location: name.optional(),
});

/** GET /api/v1/environments: ?base= (default prod). */
export const comparisonParamsSchema = z.strictObject({ base: name.optional() });
