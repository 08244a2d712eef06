import { z } from "zod";
import { ASSET_LISTS } from "@/lib/teams/team-href";
import { DEFAULT_RANGE, RANGES } from "@/lib/teams/time-range";

// The query string of an /embed/* page. Embeds are pasted into wikis and left
// there, so a bad value falls back to its default with a note rather than
// breaking the panel.

/** Team-page panels that can be embedded, by the id their Panel carries. */
export const TEAM_PANELS = {
  kpis: "Key figures",
  freshness: "Freshness",
  failures: "Failures",
  dependencies: "Dependencies on other teams",
  deploys: "Deploys",
  "execution-times": "Execution times",
  assets: "Assets",
} as const;

export type TeamPanelId = keyof typeof TEAM_PANELS;

export function isTeamPanel(value: string): value is TeamPanelId {
  return Object.hasOwn(TEAM_PANELS, value);
}

export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export interface EmbedView {
  theme: Theme;
  /** Post the content height to the parent frame, so the host can size the iframe. */
  autoHeight: boolean;
  range: (typeof RANGES)[number];
  location?: string;
  list: (typeof ASSET_LISTS)[number];
  /** Notes about ignored parameters; never the raw input. */
  problems: string[];
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const fields = {
  theme: { schema: z.enum(THEMES), fallback: "auto", note: "Unknown theme; using auto." },
  range: {
    schema: z.enum(RANGES),
    fallback: DEFAULT_RANGE,
    note: `Unknown range; showing ${DEFAULT_RANGE}.`,
  },
  list: {
    schema: z.enum(ASSET_LISTS as readonly [string, ...string[]]),
    fallback: "all",
    note: "Unknown asset list; showing all assets.",
  },
} as const;

export function parseEmbedParams(params: Record<string, string | string[] | undefined>): EmbedView {
  const problems: string[] = [];
  const pick = <K extends keyof typeof fields>(key: K): string => {
    const raw = first(params[key]);
    if (raw === undefined) return fields[key].fallback;
    const parsed = fields[key].schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push(fields[key].note);
    return fields[key].fallback;
  };
  const theme = pick("theme") as Theme;
  const range = pick("range") as EmbedView["range"];
  const list = pick("list") as EmbedView["list"];
  const rawLocation = first(params.location);
  const location = rawLocation && rawLocation.length <= 200 ? rawLocation : undefined;
  if (rawLocation !== undefined && !location) problems.push("Invalid location; showing all.");
  const autoHeight = ["1", "true"].includes(first(params.autoheight) ?? "");
  return { theme, autoHeight, range, location, list, problems };
}
