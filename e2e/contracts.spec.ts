import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { assetsTruth, contractsTruth } from "./support/badge-truth";
import { TEAMS } from "./support/team-truth";

// Dependency contracts against the real Dagster: the Markdown lists exactly the
// cross-team upstream assets Dagster's own lineage gives, with producer and location.

interface Row {
  asset: string;
  producer: string | null;
  location: string | null;
  usedBy: string[];
}

const unescapeMd = (s: string) => s.replace(/\\(.)/g, "$1");
/** `a/b` or ``a`b`` -> the key path as Dagster's JSON id (components joined by "/" in the cell). */
const keyCell = (cell: string) =>
  JSON.stringify(unescapeMd(cell.replace(/^(`+) ?(.*?) ?\1$/, "$2")).split("/"));

/** The table rows of one team's section, read back from the Markdown. */
function parseSection(markdown: string, teamSlug: string): Row[] {
  const start = markdown.indexOf(`(\`${teamSlug}\`) consumes`);
  expect(start, `a section for ${teamSlug}`).toBeGreaterThan(-1);
  const end = markdown.indexOf("\n## ", start);
  const section = markdown.slice(start, end === -1 ? undefined : end);
  return section
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .map((line) => {
      const cells = line
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((c) => c.trim());
      expect(cells, line).toHaveLength(7);
      const [asset = "", producer = "", location = "", , , , usedBy = ""] = cells;
      return {
        asset: keyCell(asset),
        producer: producer.match(/\(`([a-z0-9-]+)`\)$/)?.[1] ?? null,
        location: location.startsWith("local/")
          ? unescapeMd(location.slice("local/".length))
          : null,
        usedBy: usedBy.split(", ").map(keyCell).sort(),
      };
    })
    .sort((a, b) => a.asset.localeCompare(b.asset));
}

test("finance's contracts list exactly the cross-team upstream assets Dagster gives", async ({
  request,
}) => {
  await expect(async () => {
    const truth = contractsTruth(await assetsTruth(), "finance");
    const res = await request.get("/api/v1/contracts?team=finance");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    const markdown = await res.text();
    expect(markdown).toMatch(/^# Dependency contracts: Finance\n/);
    expect(markdown).toMatch(
      /\nGenerated \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ by Healthboard from the deployments `local`, `offline`\.\n/,
    );
    expect(markdown).toMatch(/\nData as of: `local` \d{4}-\d\d-\d\dT[\d:]+Z; `offline` never read/);
    expect(parseSection(markdown, "finance")).toEqual(truth);
  }).toPass({ timeout: 30_000 });
  // The demo's chain: finance reads ml's failing recommendation_model and churn_model.
  const truth = contractsTruth(await assetsTruth(), "finance");
  expect(truth.filter((r) => r.producer === "ml").map((r) => r.asset)).toEqual([
    '["churn_model"]',
    '["recommendation_model"]',
  ]);
});

test("the all-teams export has a section per team, each matching Dagster", async ({ request }) => {
  await expect(async () => {
    const assets = await assetsTruth();
    const markdown = await (await request.get("/api/v1/contracts")).text();
    expect(markdown).toMatch(/^# Dependency contracts: all teams\n/);
    for (const team of TEAMS) {
      expect(parseSection(markdown, team.slug)).toEqual(contractsTruth(assets, team.slug));
    }
  }).toPass({ timeout: 30_000 });
});

test("bad parameters get a 400, an unknown team a 404, ?download=1 an attachment", async ({
  request,
}) => {
  for (const q of ["team=Finance!", "team=", "download=yes", "teams=finance"]) {
    const res = await request.get(`/api/v1/contracts?${q}`);
    expect(res.status(), q).toBe(400);
  }
  expect((await request.get("/api/v1/contracts?team=nobody")).status()).toBe(404);
  const res = await request.get("/api/v1/contracts?team=ml&download=1");
  expect(res.headers()["content-disposition"]).toMatch(
    /^attachment; filename="dependency-contracts-ml-\d{4}-\d\d-\d\d\.md"$/,
  );
});

test("the team page and the overview link the export, and the link downloads it", async ({
  page,
}) => {
  for (const [path, team, title] of [
    ["/teams/finance", "finance", "Finance"],
    ["/", "all-teams", "all teams"],
  ] as const) {
    await page.goto(path);
    const link = page.getByRole("link", { name: "Export dependency contracts (Markdown)" });
    await expect(link).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^dependency-contracts-${team}-\\d{4}-\\d\\d-\\d\\d\\.md$`),
    );
    const text = await readFile((await download.path()) as string, "utf8");
    expect(text.startsWith(`# Dependency contracts: ${title}\n`)).toBe(true);
  }
});

test("Copy Markdown puts the team's contracts on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/teams/ml");
  await page.getByRole("button", { name: "Copy Markdown" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith("# Dependency contracts: ML Platform\n")).toBe(true);
  expect(copied).toContain("### From Analytics (`analytics`)");
});
