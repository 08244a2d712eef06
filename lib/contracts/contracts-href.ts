// Kept apart from the zod schema so the browser bundle of the export link stays small.

/** The contracts export URL: one team's, or every team's when `team` is undefined. */
export function contractsHref(team: string | undefined, download: boolean): string {
  const q = new URLSearchParams();
  if (team) q.set("team", team);
  if (download) q.set("download", "1");
  const s = q.toString();
  return `/api/v1/contracts${s ? `?${s}` : ""}`;
}
