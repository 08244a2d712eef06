import type { E2eConfig, Expect } from "./route-catalog";

// The values the route catalog fills routes with: per dynamic segment, and
// per route pattern the query strings it accepts. Written out from the app's
// own rules, since the e2e suite never imports app code.

export interface FillContext {
  config: E2eConfig;
  /** Asset keys as Dagster reports them, stubs left out. */
  assetKeys: string[][];
  /** The route's segments, and the one before the segment being filled. */
  route: string[];
  previous: string | undefined;
  /** Values already chosen for earlier segments of the same URL. */
  chosen: Record<string, string>;
}

export interface Fill {
  /** Already URL-encoded path text (may span segments for catch-alls). */
  value: string;
  /** The raw value, for later segments' fillers. */
  raw: string;
  known: boolean;
}

const known = (raw: string): Fill => ({ value: encodeURIComponent(raw), raw, known: true });
const unknown = (raw: string): Fill => ({ value: encodeURIComponent(raw), raw, known: false });

// Embeddable team panels (lib/embed/embed-params.ts), written out.
const PANELS = [
  "kpis",
  "freshness",
  "failures",
  "dependencies",
  "deploys",
  "execution-times",
  "compute",
  "latency",
  "storage",
  "assets",
];

const teams = ({ config }: FillContext) => [
  ...config.teams.map((t) => known(t.slug)),
  unknown("no-such-team"),
];

/** Locations of the chosen team and deployment, when the URL has them. */
const locations = ({ config, chosen }: FillContext) => {
  const names = config.teams
    .filter((t) => !chosen["[team]"] || t.slug === chosen["[team]"])
    .flatMap((t) => t.locations)
    .filter((l) => !chosen["[deployment]"] || l.deployment === chosen["[deployment]"])
    .map((l) => l.location);
  return [...[...new Set(names)].map(known), unknown("no-such-location")];
};

const svg = (fills: Fill[]) => fills.map((f) => ({ ...f, value: `${f.value}.svg` }));

/**
 * How to fill each dynamic segment, by its folder name; null where the
 * segment's meaning in this route is not known. A route whose segment is
 * missing here (or null) fails the catalog: add a row, with real values and
 * one value that names nothing (which must answer 404).
 */
export const SEGMENTS: Record<string, (ctx: FillContext) => Fill[] | null> = {
  "[team]": teams,
  "[deployment]": ({ config }) => [
    ...config.deployments.map((d) => known(d.name)),
    unknown("no-such-deployment"),
  ],
  "[location]": locations,
  "[panel]": () => [...PANELS.map(known), unknown("no-such-panel")],
  // Badge files: /badge/team/{team}.svg, /badge/location/{deployment}/{location}.svg.
  "[file]": (ctx) =>
    ctx.route[0] !== "badge"
      ? null
      : ctx.previous === "team"
        ? svg(teams(ctx))
        : ctx.previous === "[deployment]"
          ? svg(locations(ctx))
          : null,
  // The API's catch-all for paths nothing serves: it has no known values.
  "[...path]": () => [{ value: "no/such/route", raw: "no/such/route", known: false }],
  // Asset keys as path segments; a badge's last one carries ".svg".
  "[...key]": ({ assetKeys, route }) => {
    const ext = route[0] === "badge" ? ".svg" : "";
    return [
      ...assetKeys.slice(0, 3).map((k) => ({
        value: `${k.map(encodeURIComponent).join("/")}${ext}`,
        raw: k.join("/"),
        known: true,
      })),
      { value: `no/such/asset${ext}`, raw: "no/such/asset", known: false },
    ];
  },
};

type VariantContext = Pick<FillContext, "config" | "assetKeys" | "chosen">;

interface Variant {
  query: Record<string, string>;
  expect: Expect;
}

export interface QueryTable {
  /** Parameters the route reads. */
  params: string[];
  /** What the route answers with no query string. */
  bare: Expect;
  variants: (ctx: VariantContext) => Variant[];
}

// Team lists and ranges as the team page offers them (lib/teams/team-href.ts,
// lib/teams/time-range.ts), written out: the e2e suite never imports app code.
const RANGES = ["24h", "7d", "14d", "30d"];
const LISTS = ["all", "healthy", "stale", "degraded", "unhealthy"];

const teamLocations = (ctx: VariantContext) =>
  ctx.config.teams.find((t) => t.slug === ctx.chosen["[team]"])?.locations ?? [];

const v = (query: Record<string, string>, expect: Expect): Variant => ({ query, expect });

/** Query-string variants per route pattern; a pattern missing here is requested bare only. */
export const QUERIES: Record<string, QueryTable> = {
  "/teams/[team]": {
    params: ["range", "list", "location", "env"],
    bare: "ok",
    variants: (ctx) => [
      ...RANGES.map((range) => v({ range }, "ok")),
      ...LISTS.map((list) => v({ list }, "ok")),
      // docs/environments.md: the suite's config has prod only.
      v({ env: "prod" }, "ok"),
      v({ env: "nowhere" }, "not-found"),
      ...teamLocations(ctx).map((l) => v({ location: l.location }, "ok")),
      v({ range: "1y" }, "validation"),
      v({ list: "bogus" }, "validation"),
    ],
  },
  "/lineage": {
    params: [
      "focus",
      "depth",
      "selected",
      "team",
      "location",
      "health",
      "kind",
      "collapsed",
      "env",
    ],
    bare: "ok",
    variants: (ctx) => [
      v({ env: "prod" }, "ok"),
      v({ env: "nowhere" }, "not-found"),
      v({ focus: JSON.stringify(ctx.assetKeys[0] ?? ["x"]), depth: "1" }, "ok"),
      v({ team: ctx.config.teams[0]?.slug ?? "x", health: "DW" }, "ok"),
      v({ kind: "python", collapsed: "analytics-team:default" }, "ok"),
    ],
  },
  "/api/v1/teams/[team]": {
    params: ["range", "location", "env"],
    bare: "ok",
    variants: (ctx) => [
      ...RANGES.map((range) => v({ range }, "ok")),
      v({ env: "prod" }, "ok"),
      v({ env: "nowhere" }, "bad-request"),
      ...teamLocations(ctx).map((l) => v({ location: l.location }, "ok")),
      v({ range: "1y" }, "bad-request"),
      v({ colour: "red" }, "bad-request"),
    ],
  },
  "/api/v1/asset": {
    params: ["key", "env"],
    bare: "bad-request",
    variants: (ctx) => [
      ...ctx.assetKeys.slice(0, 3).map((k) => v({ key: JSON.stringify(k) }, "ok")),
      v({ key: JSON.stringify(["no", "such", "asset"]) }, "not-found"),
      v({ key: JSON.stringify(ctx.assetKeys[0] ?? ["x"]), env: "nowhere" }, "bad-request"),
      ...ctx.assetKeys.slice(0, 3).map((k) => v({ key: k.join("/") }, "ok")),
      v({ key: "[not json" }, "bad-request"),
    ],
  },
  "/api/v1/deploys/impact": {
    params: ["key"],
    bare: "bad-request",
    variants: (ctx) => [
      ...ctx.assetKeys.slice(0, 2).map((k) => v({ key: JSON.stringify(k) }, "ok")),
      v({ key: JSON.stringify(["no", "such", "asset"]) }, "not-found"),
      v({ key: "[not json" }, "bad-request"),
    ],
  },
  "/api/v1/latency": {
    params: ["key", "range", "env"],
    bare: "bad-request",
    variants: (ctx) => [
      ...ctx.assetKeys.slice(0, 3).map((k) => v({ key: JSON.stringify(k) }, "ok")),
      v({ key: JSON.stringify(["no", "such", "asset"]) }, "not-found"),
      v({ key: "[not json" }, "bad-request"),
      v({ key: JSON.stringify(ctx.assetKeys[0] ?? ["x"]), range: "1y" }, "bad-request"),
    ],
  },
  "/api/v1/graph": {
    params: ["env", "format"],
    bare: "ok",
    variants: () => [
      v({ env: "prod" }, "ok"),
      v({ env: "nowhere" }, "bad-request"),
      v({ format: "gzip" }, "ok"),
      v({ format: "json" }, "ok"),
      v({ format: "zip" }, "bad-request"),
    ],
  },
  "/api/v1/assets": {
    params: ["team", "deployment", "location"],
    bare: "ok",
    variants: (ctx) => [
      v({ team: ctx.config.teams[0]?.slug ?? "x" }, "ok"),
      v({ deployment: ctx.config.deployments[0]?.name ?? "x" }, "ok"),
      v({ location: ctx.config.teams[0]?.locations[0]?.location ?? "x" }, "ok"),
      v({ team: "" }, "bad-request"),
      v({ format: "zip" }, "bad-request"),
    ],
  },
  "/api/v1/contracts": {
    params: ["team", "download"],
    bare: "ok",
    variants: (ctx) => [
      v({ team: ctx.config.teams[0]?.slug ?? "x" }, "ok"),
      v({ download: "1" }, "ok"),
      v({ team: "no-such-team" }, "not-found"),
      v({ download: "2" }, "bad-request"),
    ],
  },
  // The lead's embeds (lib/embed/embed-params.ts): the team page's parameters plus theme and autoheight.
  "/embed/teams/[team]/[panel]": {
    params: ["range", "list", "location", "theme", "autoheight", "env"],
    bare: "ok",
    variants: () => [
      v({ env: "nowhere" }, "not-found"),
      v({ theme: "dark", range: "24h" }, "ok"),
      v({ theme: "light", autoheight: "1", list: "stale" }, "ok"),
      v({ theme: "neon" }, "validation"),
      v({ range: "1y" }, "validation"),
    ],
  },
  "/embed/lineage": {
    params: ["focus", "depth", "theme", "autoheight", "env"],
    bare: "ok",
    variants: (ctx) => [
      v({ focus: JSON.stringify(ctx.assetKeys[0] ?? ["x"]), depth: "1", theme: "dark" }, "ok"),
    ],
  },
  // Badges (lib/badges/badge-params.ts): a bad parameter is a 400 badge.
  "/badge/team/[file]": {
    params: ["label", "style", "env"],
    bare: "ok",
    variants: () => [
      v({ label: "health", style: "flat-square" }, "ok"),
      v({ style: "round" }, "bad-request"),
      v({ env: "prod" }, "ok"),
      v({ env: "nowhere" }, "bad-request"),
    ],
  },
  "/badge/location/[deployment]/[file]": {
    params: ["label", "style"],
    bare: "ok",
    variants: () => [v({ style: "flat-square" }, "ok"), v({ style: "round" }, "bad-request")],
  },
  "/badge/asset/[...key]": {
    params: ["label", "style", "deployment", "env"],
    bare: "ok",
    variants: (ctx) => [
      v({ deployment: ctx.config.deployments[0]?.name ?? "x" }, "ok"),
      v({ style: "round" }, "bad-request"),
      v({ env: "prod" }, "ok"),
      v({ env: "nowhere" }, "bad-request"),
    ],
  },
  "/alerts": {
    params: ["team"],
    bare: "ok",
    // An unknown team is ignored: the page shows every team.
    variants: (ctx) => [
      v({ team: ctx.config.teams[0]?.slug ?? "x" }, "ok"),
      v({ team: "no-such-team" }, "ok"),
    ],
  },
  // Without head= there is nothing to check: a 400 naming the parameter.
  "/api/v1/contract-check": {
    params: ["head", "base", "location"],
    bare: "bad-request",
    variants: () => [v({ head: "prod" }, "ok"), v({ head: "no-such-environment" }, "bad-request")],
  },
  "/api/v1/environments": {
    params: ["base"],
    bare: "ok",
    variants: () => [v({ base: "prod" }, "ok"), v({ base: "no-such-environment" }, "bad-request")],
  },
  "/api/v1/deploys": {
    params: ["deployment", "location", "days"],
    bare: "ok",
    variants: (ctx) => [
      v({ days: "1" }, "ok"),
      v({ days: "90" }, "ok"),
      v({ deployment: ctx.config.deployments[0]?.name ?? "x" }, "ok"),
      v({ days: "0" }, "bad-request"),
      v({ days: "91" }, "bad-request"),
      v({ days: "1.5" }, "bad-request"),
    ],
  },
};
