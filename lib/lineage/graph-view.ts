import type { GraphPayload } from "@/lib/api/graph-payload";
import { resolveKeyParam } from "@/lib/links/asset-key-param";
import { HEALTH_LETTER, PAYLOAD_LETTERS } from "@/lib/metrics/health-letters";
import { blastRadius, focusSet, rootCauses } from "./graph-algorithms";

// The lineage page's view state (all of it lives in the URL) and what it
// selects from the graph payload. Pure and browser-safe: no React, no DOM.

export interface LineageView {
  focus: string | null;
  depth: number;
  selected: string | null;
  team: string | null;
  location: string | null;
  health: string[];
  kind: string | null;
  /** Collapsed groups as "location:group". */
  collapsed: string[];
}

/** A change to the view: fields to set, or a function of the latest view (for toggles). */
export type ViewChange = Partial<LineageView> | ((latest: LineageView) => Partial<LineageView>);

export function applyViewChange(view: LineageView, change: ViewChange): LineageView {
  return { ...view, ...(typeof change === "function" ? change(view) : change) };
}

export const DEFAULT_DEPTH = 2;
const MAX_DEPTH = 10;
const HEALTHS = PAYLOAD_LETTERS;
/** Longest accepted value per text parameter; longer ones are ignored. */
const MAX_LENGTH = { focus: 500, selected: 500, team: 100, location: 200, kind: 100 } as const;

const validDepth = (depth: number) => Number.isInteger(depth) && depth >= 0 && depth <= MAX_DEPTH;

export function parseView(params: URLSearchParams): LineageView {
  const text = (k: keyof typeof MAX_LENGTH) => {
    const v = params.get(k);
    return v && v.length <= MAX_LENGTH[k] ? v : null;
  };
  const depth = Number(params.get("depth") ?? DEFAULT_DEPTH);
  return {
    focus: text("focus"),
    depth: validDepth(depth) ? depth : DEFAULT_DEPTH,
    selected: text("selected"),
    team: text("team"),
    location: text("location"),
    health: (params.get("health") ?? "").split("").filter((h) => HEALTHS.includes(h)),
    kind: text("kind"),
    collapsed: (params.get("collapsed") ?? "").split(",").filter((c) => c && c.length <= 300),
  };
}

/**
 * What parseView ignored, as sentences for a validation message beside the
 * graph. Names parameters, never repeats their values.
 */
export function viewProblems(params: URLSearchParams): string[] {
  const problems: string[] = [];
  const depth = params.get("depth");
  if (depth !== null && !validDepth(Number(depth))) {
    problems.push(`Depth must be a whole number from 0 to ${MAX_DEPTH}; showing ${DEFAULT_DEPTH}.`);
  }
  for (const [key, max] of Object.entries(MAX_LENGTH)) {
    const value = params.get(key);
    if (value !== null && value.length > max) problems.push(`Ignored ${key}: longer than ${max}.`);
  }
  const health = params.get("health");
  if (health && [...health].some((h) => !HEALTHS.includes(h))) {
    problems.push(`Health takes the letters ${HEALTHS.join(", ")}; others were ignored.`);
  }
  return problems;
}

export function viewToSearch(view: LineageView): string {
  const q = new URLSearchParams();
  if (view.focus) q.set("focus", view.focus);
  if (view.focus && view.depth !== DEFAULT_DEPTH) q.set("depth", String(view.depth));
  if (view.selected) q.set("selected", view.selected);
  if (view.team) q.set("team", view.team);
  if (view.location) q.set("location", view.location);
  if (view.health.length) q.set("health", view.health.join(""));
  if (view.kind) q.set("kind", view.kind);
  if (view.collapsed.length) q.set("collapsed", view.collapsed.join(","));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export interface DecodedGraph {
  payload: GraphPayload;
  ids: string[];
  index: Map<string, number>;
  up: number[][];
  down: number[][];
  groupName: string[];
  /** Every owning team's index per node (most have one, unowned none). */
  teamsOf: number[][];
}

export function decodeGraph(payload: GraphPayload): DecodedGraph {
  const ids = payload.keys.map((k) => JSON.stringify(k));
  const up: number[][] = ids.map(() => []);
  const down: number[][] = ids.map(() => []);
  for (let i = 0; i < payload.edges.length; i += 3) {
    const a = payload.edges[i] as number;
    const b = payload.edges[i + 1] as number;
    down[a]?.push(b);
    up[b]?.push(a);
  }
  const groupName = payload.groups.map(
    ([loc, name]) => `${loc >= 0 ? payload.locations[loc]?.[1] : "external"}:${name}`,
  );
  const teamsOf = payload.team.map((t) => (t >= 0 ? [t] : []));
  for (const [node, teams] of payload.sharedTeams ?? []) teamsOf[node] = teams;
  return {
    payload,
    ids,
    index: new Map(ids.map((id, i) => [id, i])),
    up,
    down,
    groupName,
    teamsOf,
  };
}

/**
 * The node a URL's key parameter names (?focus=, ?selected=): the JSON array,
 * a slash-separated key or a plain key (lib/links/asset-key-param.ts), or null.
 */
export function nodeOf(g: DecodedGraph, raw: string | null): number | null {
  const id = resolveKeyParam(raw, (k) => g.index.has(k));
  return id === null ? null : (g.index.get(id) ?? null);
}

/** Which nodes the view shows: filters first, then the focus neighbourhood. */
export function visibleNodes(g: DecodedGraph, view: LineageView): Uint8Array {
  const p = g.payload;
  const n = g.ids.length;
  const mask = new Uint8Array(n);
  const teamIdx = view.team ? p.teams.indexOf(view.team) : -1;
  const kindIdx = view.kind ? p.kinds.indexOf(view.kind) : -1;
  const focus = nodeOf(g, view.focus) ?? undefined;
  const near = focus !== undefined ? focusSet(g.up, g.down, focus, view.depth) : null;
  for (let i = 0; i < n; i++) {
    if (near && !near.has(i)) continue;
    if (view.team && !(g.teamsOf[i] ?? []).includes(teamIdx)) continue;
    if (view.location) {
      const loc = p.groups[p.group[i] as number]?.[0] ?? -1;
      if (p.locations[loc]?.[1] !== view.location) continue;
    }
    if (view.health.length && !view.health.includes(p.health[i] as string)) continue;
    if (view.kind && !(p.nodeKinds[i] ?? []).includes(kindIdx)) continue;
    mask[i] = 1;
  }
  // The focused asset always shows, whatever the filters.
  if (focus !== undefined) mask[focus] = 1;
  return mask;
}

/**
 * One asset's impact: what it breaks downstream and why it is unhealthy.
 * `ownStepFailed` comes from the asset's details (its latest attempt's step
 * failed); the graph payload alone only knows health letters.
 */
export function impactOf(g: DecodedGraph, node: number, ownStepFailed = false) {
  const teamOf = (i: number) =>
    (g.teamsOf[i] ?? []).map((t) => g.payload.teams[t]).filter((t): t is string => !!t);
  const letter = (i: number) => g.payload.health[i] ?? "";
  return {
    blast: blastRadius(g.down, node, teamOf),
    roots: rootCauses(
      g.up,
      node,
      {
        degraded: (i) => letter(i) === HEALTH_LETTER.DEGRADED,
        warning: (i) => letter(i) === HEALTH_LETTER.WARNING,
      },
      ownStepFailed,
    ),
  };
}

/** Up to `limit` keys matching the query, prefix matches of the last component first. */
export function searchKeys(g: DecodedGraph, query: string, limit = 20): number[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: [number, number][] = [];
  for (let i = 0; i < g.ids.length && scored.length < 2_000; i++) {
    const key = g.payload.keys[i] as string[];
    const joined = key.join("/").toLowerCase();
    const at = joined.indexOf(q);
    if (at < 0) continue;
    const last = (key[key.length - 1] ?? "").toLowerCase();
    scored.push([last.startsWith(q) ? 0 : at === 0 ? 1 : 2, i]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || (g.ids[a[1]] as string).localeCompare(g.ids[b[1]] as string))
    .slice(0, limit)
    .map(([, i]) => i);
}
