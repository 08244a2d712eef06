import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { routeCatalog, routeFiles } from "./support/route-catalog";

// The catalog the security specs walk: it must cover every route file and
// refuse a route it cannot fill, or those specs would pass by skipping it.

function fakeApp(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hb-fake-app-"));
  for (const file of files) {
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), "export default function Page() {}\n");
  }
  return dir;
}

test("route groups and @slots add no URL segment; private _folders are skipped", () => {
  const dir = fakeApp([
    "(site)/page.tsx",
    "(site)/teams/[team]/page.tsx",
    "(site)/teams/[team]/_components/page.tsx",
    "@modal/lineage/page.tsx",
    "api/v1/overview/route.ts",
    "layout.tsx",
  ]);
  try {
    expect(routeFiles(dir).map((r) => `${r.kind} /${r.segments.join("/")}`)).toEqual([
      "page /",
      "page /teams/[team]",
      "page /lineage",
      "route /api/v1/overview",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a route with a dynamic segment the table lacks fails the catalog, naming its file", async () => {
  const dir = fakeApp(["embed/teams/[team]/[widget]/page.tsx"]);
  try {
    await expect(routeCatalog(dir)).rejects.toThrow(
      /embed\/teams\/\[team\]\/\[widget\]\/page\.tsx: no test values for the dynamic segment \[widget\]/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the real catalog covers every route file, each known team and an unknown one", async () => {
  const catalog = await routeCatalog();
  expect(catalog.map((r) => r.file)).toEqual(routeFiles().map((r) => r.file));
  const team = catalog.find((r) => r.pattern === "/teams/[team]");
  expect(team?.urls.filter((u) => !u.url.includes("?")).map((u) => u.url)).toEqual([
    "/teams/analytics",
    "/teams/ml",
    "/teams/finance",
    "/teams/no-such-team",
  ]);
  const asset = catalog.find((r) => r.pattern === "/api/v1/asset");
  expect(asset?.urls.filter((u) => u.expect === "ok").length).toBeGreaterThan(0);
});
