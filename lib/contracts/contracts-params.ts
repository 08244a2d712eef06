import { z } from "zod";
import { teamSlugSchema } from "@/lib/api/team-params";

/** ?team= (a config slug; every team when absent) and ?download=1 (as an attachment). */
export const contractsParamsSchema = z.strictObject({
  team: teamSlugSchema.optional(),
  download: z.enum(["0", "1"]).optional(),
});

/** dependency-contracts-finance-2026-11-27.md; slugs are [a-z0-9-], so the name needs no quoting rules. */
export function contractsFilename(team: string | undefined, at: Date): string {
  return `dependency-contracts-${team ?? "all-teams"}-${at.toISOString().slice(0, 10)}.md`;
}
