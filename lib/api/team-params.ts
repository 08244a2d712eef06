import { z } from "zod";
import { DEFAULT_RANGE, RANGES } from "@/lib/teams/time-range";

/** ?range=, ?location= and ?env= of a team page and its API; the same rules for both. */
export const teamParamsSchema = z.object({
  range: z.enum(RANGES).default(DEFAULT_RANGE),
  location: z.string().min(1).max(200).optional(),
  // Checked against the known environments by the route (environmentParam).
  env: z.string().min(1).max(63).optional(),
});

export type TeamParams = z.infer<typeof teamParamsSchema>;

/** Team slugs are config slugs: anything else cannot be a team. */
export const teamSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
