import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { workspaceTruth } from "./dagster";
import { type FillContext, QUERIES, SEGMENTS } from "./route-values";

// Every route the app serves, as concrete URLs, for the security specs. The
// route files are found by walking app/ at test time, so a route added later
// is covered without touching this file, unless it has a dynamic segment the
// table in route-values.ts cannot fill: then routeCatalog() fails, naming the file.

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

/** Fills a route's segments left to right: every all-known combination, plus one unknown per segment. */
function fillSegments(route: RouteFile, ctx: Pick<FillContext, "config" | "assetKeys">) {
  type Partial = { parts: string[]; chosen: Record<string, string>; known: boolean };
  let partials: Partial[] = [{ parts: [], chosen: {}, known: true }];
  route.segments.forEach((segment, i) => {
    if (!segment.startsWith("[")) {
      partials = partials.map((p) => ({ ...p, parts: [...p.parts, segment] }));
      return;
    }
    const at = { route: route.segments, previous: route.segments[i - 1] };
    const next: Partial[] = [];
    for (const p of partials) {
      // Only all-known prefixes grow further: an unknown value already decides the answer.
      if (!p.known) continue;
      const fills = SEGMENTS[segment]?.({ ...ctx, ...at, chosen: p.chosen });
      if (!fills) {
        throw new Error(
          `${route.file}: no test values for the dynamic segment ${segment}. ` +
            "Add a row for it to SEGMENTS in e2e/support/route-values.ts.",
        );
      }
      for (const fill of fills) {
        next.push({
          parts: [...p.parts, fill.value],
          chosen: { ...p.chosen, [segment]: fill.raw },
          known: fill.known,
        });
      }
    }
    partials = next.slice(0, 40);
  });
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
    let first = true;
    for (const fill of fillSegments(route, ctx)) {
      const base = `/${fill.parts.join("/")}`;
      if (!fill.known) {
        urls.push({ url: base, expect: "not-found" });
        continue;
      }
      urls.push({ url: base, expect: table?.bare ?? "ok" });
      // Query strings are read the same whatever the path names: vary them on
      // the first real path only, or embeds (team x panel) multiply the suite.
      if (!first) continue;
      first = false;
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
