import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { workspaceTruth } from "./dagster";

// Every route the app serves, as concrete URLs, for the security specs. The
// route files are found by walking app/ at test time, so a route added later
// is covered without touching this file, unless it has a dynamic segment the
// table below cannot fill: then routeCatalog() fails, naming the file.

const APP_DIR = path.resolve("app");
const CONFIG_FILE = path.resolve("e2e/healthboard.e2e.yaml");

/** What a correct server answers: 200, a 200 that shows a validation message, 404 or 400. */
export type Expect = "ok" | "validation" | "not-found" | "bad-request";

export interface RouteFile {
  /** Relative to the repository, e.g. app/(site)/teams/[team]/page.tsx. */
  file: string;
  kind: "page" | "route";
  /** URL segments with dynamic ones as written: ["teams", "[team]"]. */
  segments: string[];
}

export interface CatalogUrl {
  url: string;
  expect: Expect;
}

export interface CatalogRoute extends RouteFile {
  /** The pattern, e.g. /teams/[team]. */
  pattern: string;
  /** Query parameters the route reads: where hostile values go. */
  params: string[];
  urls: CatalogUrl[];
}

const ROUTE_FILE = /^(page|route)\.(tsx|ts|jsx|js)$/;

/** Route files under app/, skipping private _folders; route groups and @slots add no URL segment. */
export function routeFiles(dir = APP_DIR, segments: string[] = []): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue;
      const silent = /^\(.*\)$/.test(entry.name) || entry.name.startsWith("@");
      out.push(...routeFiles(full, silent ? segments : [...segments, entry.name]));
    } else {
      const match = ROUTE_FILE.exec(entry.name);
      if (match) {
        out.push({
          file: path.relative(process.cwd(), full),
          kind: match[1] === "page" ? "page" : "route",
          segments,
        });
      }
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

export interface E2eConfig {
  deployments: { name: string }[];
  teams: { slug: string; name: string; locations: { deployment: string; location: string }[] }[];
  /** The key the embed allowlist is assumed to live under. */
  embed?: { frameAncestors?: string[] };
}

export function e2eConfig(): E2eConfig {
  return parseYaml(readFileSync(CONFIG_FILE, "utf8")) as E2eConfig;
}

interface FillContext {
  config: E2eConfig;
  /** Asset keys as Dagster reports them, stubs left out. */
  assetKeys: string[][];
  /** Values already chosen for earlier segments of the same URL. */
  chosen: Record<string, string>;
}

interface Fill {
  /** Already URL-encoded path text (may span segments for catch-alls). */
  value: string;
  /** The raw value, for later segments' fillers. */
  raw: string;
  known: boolean;
}

const known = (raw: string): Fill => ({ value: encodeURIComponent(raw), raw, known: true });
const unknown = (raw: string): Fill => ({ value: encodeURIComponent(raw), raw, known: false });

/**
 * How to fill each dynamic segment, by its folder name. A route whose segment
 * is missing here fails the catalog: add a row, with real values and one
 * value that names nothing (which must answer 404).
 */
const SEGMENTS: Record<string, (ctx: FillContext) => Fill[]> = {
  "[team]": ({ config }) => [...config.teams.map((t) => known(t.slug)), unknown("no-such-team")],
  "[deployment]": ({ config }) => [
    ...config.deployments.map((d) => known(d.name)),
    unknown("no-such-deployment"),
  ],
  // A location of the chosen deployment (or team) when one is in the URL.
  "[location]": ({ config, chosen }) => {
    const locations = config.teams
      .filter((t) => !chosen["[team]"] || t.slug === chosen["[team]"])
      .flatMap((t) => t.locations)
      .filter((l) => !chosen["[deployment]"] || l.deployment === chosen["[deployment]"])
      .map((l) => l.location);
    return [...[...new Set(locations)].map(known), unknown("no-such-location")];
  },
  // The API's catch-all for paths nothing serves: it has no known values.
  "[...path]": () => [{ value: "no/such/route", raw: "no/such/route", known: false }],
  "[...key]": ({ assetKeys }) => [
    ...assetKeys
      .slice(0, 3)
      .map((k) => ({ value: k.map(encodeURIComponent).join("/"), raw: k.join("/"), known: true })),
    { value: "no/such/asset", raw: "no/such/asset", known: false },
  ],
};

interface Variant {
  query: Record<string, string>;
  expect: Expect;
}

interface QueryTable {
  /** Parameters the route reads. */
  params: string[];
  /** What the route answers with no query string. */
  bare: Expect;
  variants: (ctx: FillContext) => Variant[];
}

// Team lists and ranges as the team page offers them (lib/teams/team-href.ts,
// lib/teams/time-range.ts), written out: the e2e suite never imports app code.
const RANGES = ["24h", "7d", "14d", "30d"];
const LISTS = ["all", "healthy", "stale", "degraded", "unhealthy"];

const teamLocations = (ctx: FillContext) =>
  ctx.config.teams.find((t) => t.slug === ctx.chosen["[team]"])?.locations ?? [];

const v = (query: Record<string, string>, expect: Expect): Variant => ({ query, expect });

/** Query-string variants per route pattern; a pattern missing here is requested bare only. */
const QUERIES: Record<string, QueryTable> = {
  "/teams/[team]": {
    params: ["range", "list", "location"],
    bare: "ok",
    variants: (ctx) => [
      ...RANGES.map((range) => v({ range }, "ok")),
      ...LISTS.map((list) => v({ list }, "ok")),
      ...teamLocations(ctx).map((l) => v({ location: l.location }, "ok")),
      v({ range: "1y" }, "validation"),
      v({ list: "bogus" }, "validation"),
    ],
  },
  "/lineage": {
    params: ["focus", "depth", "selected", "team", "location", "health", "kind", "collapsed"],
    bare: "ok",
    variants: (ctx) => [
      v({ focus: JSON.stringify(ctx.assetKeys[0] ?? ["x"]), depth: "1" }, "ok"),
      v({ team: ctx.config.teams[0]?.slug ?? "x", health: "DW" }, "ok"),
      v({ kind: "python", collapsed: "analytics-team:default" }, "ok"),
    ],
  },
  "/api/v1/teams/[team]": {
    params: ["range", "location"],
    bare: "ok",
    variants: (ctx) => [
      ...RANGES.map((range) => v({ range }, "ok")),
      ...teamLocations(ctx).map((l) => v({ location: l.location }, "ok")),
      v({ range: "1y" }, "bad-request"),
      v({ colour: "red" }, "bad-request"),
    ],
  },
  "/api/v1/asset": {
    params: ["key"],
    bare: "bad-request",
    variants: (ctx) => [
      ...ctx.assetKeys.slice(0, 3).map((k) => v({ key: JSON.stringify(k) }, "ok")),
      v({ key: JSON.stringify(["no", "such", "asset"]) }, "not-found"),
      v({ key: "not json" }, "bad-request"),
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
    ],
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

/** Fills a route's segments left to right: every all-known combination, plus one unknown per segment. */
function fillSegments(route: RouteFile, ctx: Omit<FillContext, "chosen">) {
  type Partial = { parts: string[]; chosen: Record<string, string>; known: boolean };
  let partials: Partial[] = [{ parts: [], chosen: {}, known: true }];
  for (const segment of route.segments) {
    if (!segment.startsWith("[")) {
      partials = partials.map((p) => ({ ...p, parts: [...p.parts, segment] }));
      continue;
    }
    const filler = SEGMENTS[segment];
    if (!filler) {
      throw new Error(
        `${route.file}: no test values for the dynamic segment ${segment}. ` +
          "Add a row for it to SEGMENTS in e2e/support/route-catalog.ts.",
      );
    }
    const next: Partial[] = [];
    for (const p of partials) {
      // Only all-known prefixes grow further: an unknown value already decides the answer.
      if (!p.known) continue;
      const fills = filler({ ...ctx, chosen: p.chosen });
      for (const fill of fills) {
        next.push({
          parts: [...p.parts, fill.value],
          chosen: { ...p.chosen, [segment]: fill.raw },
          known: fill.known,
        });
      }
    }
    partials = next.slice(0, 40);
  }
  return partials;
}

/** The catalog: every route file under app/ with its concrete URLs. */
export async function routeCatalog(appDir = APP_DIR): Promise<CatalogRoute[]> {
  const config = e2eConfig();
  const assetKeys = (await workspaceTruth())
    .flatMap((l) => l.assets.map((a) => a.path))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const ctx = { config, assetKeys };
  return routeFiles(appDir).map((route) => {
    const pattern = `/${route.segments.join("/")}`;
    const table = QUERIES[pattern];
    const urls: CatalogUrl[] = [];
    for (const fill of fillSegments(route, ctx)) {
      const base = `/${fill.parts.join("/")}`;
      if (!fill.known) {
        urls.push({ url: base, expect: "not-found" });
        continue;
      }
      urls.push({ url: base, expect: table?.bare ?? "ok" });
      for (const v of table?.variants({ ...ctx, chosen: fill.chosen }) ?? []) {
        const query = new URLSearchParams(v.query).toString();
        urls.push({ url: query ? `${base}?${query}` : base, expect: v.expect });
      }
    }
    return { ...route, pattern, params: table?.params ?? [], urls };
  });
}

/** Where every URL of the catalog lands, flattened, with its route. */
export function catalogUrls(catalog: CatalogRoute[]): (CatalogUrl & { route: CatalogRoute })[] {
  return catalog.flatMap((route) => route.urls.map((u) => ({ ...u, route })));
}
