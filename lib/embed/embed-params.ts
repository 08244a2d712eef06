import { loadTeamSearchParams, type TeamView } from "@/lib/teams/team-search-params";

// The query string of an /embed/* page: the team page's own parameters plus
// theme and auto-height. Embeds are pasted into wikis and left there, so a bad
// value falls back to its default with a note rather than breaking the panel.

/** Team-page panels that can be embedded, by the id their Panel carries. */
export const TEAM_PANELS = {
  kpis: "Key figures",
  freshness: "Freshness",
  failures: "Failures",
  dependencies: "Dependencies on other teams",
  deploys: "Deploys",
  "execution-times": "Execution times",
  compute: "Compute",
  latency: "Pipeline latency",
  storage: "Storage",
  assets: "Assets",
} as const;

export type TeamPanelId = keyof typeof TEAM_PANELS;

export function isTeamPanel(value: string): value is TeamPanelId {
  return Object.hasOwn(TEAM_PANELS, value);
}

export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export interface EmbedView extends TeamView {
  theme: Theme;
  /** Post the content height to the parent frame, so the host can size the iframe. */
  autoHeight: boolean;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A team page's view (range, location, list) plus the embed's own theme and auto-height. */
export function parseEmbedParams(params: Record<string, string | string[] | undefined>): EmbedView {
  const view = loadTeamSearchParams(params);
  const rawTheme = first(params.theme);
  let theme: Theme = "auto";
  if (rawTheme !== undefined) {
    if ((THEMES as readonly string[]).includes(rawTheme)) theme = rawTheme as Theme;
    else view.problems.push("Unknown theme; using auto.");
  }
  const autoHeight = ["1", "true"].includes(first(params.autoheight) ?? "");
  return { ...view, theme, autoHeight };
}
