import { expect, type Page, test } from "@playwright/test";
import { workspaceTruth } from "./support/dagster";

// The lineage page at first sight: names readable without zooming, a viewport
// that lives in the URL, a legend, and a page that fits a phone. What the
// canvas drew is read from its accessible list of the names on screen.

interface Drawn {
  key: string;
  label: string;
  fontPx: number;
}

async function drawnLabels(page: Page): Promise<Drawn[]> {
  return page.locator('ul[aria-label="Assets on screen"] li').evaluateAll((items) =>
    items.map((li) => ({
      key: li.getAttribute("data-key") ?? "",
      label: li.getAttribute("data-label") ?? "",
      fontPx: Number(li.getAttribute("data-font-px")),
    })),
  );
}

/** The drawn names once the canvas has settled (the list follows it after a short pause). */
async function settledLabels(page: Page): Promise<Drawn[]> {
  let last = "";
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await drawnLabels(page));
        const same = now === last && now !== "[]";
        last = now;
        return same;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return JSON.parse(last) as Drawn[];
}

const keyText = (id: string) => (JSON.parse(id) as string[]).join(" / ");

test("the default view draws a readable name on every asset it shows", async ({ page }) => {
  const truth = await workspaceTruth();
  const demoKeys = new Set(truth.flatMap((l) => l.assets.map((a) => JSON.stringify(a.path))));
  expect(demoKeys.size).toBeGreaterThan(10);
  await page.goto("/lineage");
  const drawn = await settledLabels(page);
  // Every name drawn is a real asset's, in a readable font, its key or a prefix of it.
  const demoDrawn = drawn.filter((d) => demoKeys.has(d.key));
  // The demo's graph is taller than the canvas at a readable zoom: the first screen names several.
  expect(demoDrawn.length).toBeGreaterThanOrEqual(5);
  for (const d of drawn) {
    expect(d.fontPx).toBeGreaterThanOrEqual(10);
    expect(d.label.length).toBeGreaterThan(3);
    const full = keyText(d.key);
    expect(
      d.label === full || (d.label.endsWith("…") && full.startsWith(d.label.slice(0, -1))),
    ).toBe(true);
  }
  // Every node on screen has its name: the list holds exactly the canvas's count.
  const total = Number(
    await page.locator('ul[aria-label="Assets on screen"]').getAttribute("data-total"),
  );
  expect(total).toBe(drawn.length);
});

test("zoom buttons and keys change the URL, and a pasted URL opens the same view", async ({
  page,
  browser,
}) => {
  await page.goto("/lineage");
  const before = await settledLabels(page);
  expect(page.url()).not.toContain("zoom=");
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/zoom=/);
  const zoomIn = Number(new URL(page.url()).searchParams.get("zoom"));
  await page.getByRole("button", { name: "Zoom out" }).click();
  await expect
    .poll(() => Number(new URL(page.url()).searchParams.get("zoom")))
    .toBeLessThan(zoomIn);
  // Keys: arrows pan (x moves), + zooms in.
  const x0 = new URL(page.url()).searchParams.get("x");
  await page.getByTestId("lineage-canvas").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => new URL(page.url()).searchParams.get("x")).not.toBe(x0);
  await page.keyboard.press("+");
  await expect
    .poll(() => Number(new URL(page.url()).searchParams.get("zoom")))
    .toBeGreaterThan(zoomIn / 1.4);
  const url = page.url();
  const here = await settledLabels(page);
  expect(here.map((d) => d.key)).not.toEqual(before.map((d) => d.key));

  // A new page with the same size, as if the link were pasted.
  const other = await browser.newPage({ viewport: page.viewportSize() ?? undefined });
  await other.goto(url);
  expect(await settledLabels(other)).toEqual(here);
  expect(other.url()).toBe(url);
  await other.close();

  // Fit goes back to the first view.
  await page.getByRole("button", { name: "Fit the graph" }).click();
  await expect
    .poll(async () => (await settledLabels(page)).map((d) => d.key))
    .toEqual(before.map((d) => d.key));
});

test("a bad viewport in the URL is explained and the graph is fitted", async ({ page }) => {
  await page.goto("/lineage?x=1&y=2&zoom=%3Cb%3E");
  await expect(page.getByTestId("param-problems")).toContainText("Ignored the viewport");
  expect((await settledLabels(page)).length).toBeGreaterThan(0);
});

test("the page has a legend of colours, edges, rings and down locations", async ({ page }) => {
  await page.goto("/lineage");
  const legend = page.getByTestId("graph-legend");
  await expect(legend).toBeVisible();
  for (const text of [
    "Healthy",
    "Degraded",
    "Cross-location edge",
    "Cross-deployment edge",
    "Blast radius",
    "Root cause",
    "Location down",
  ]) {
    await expect(legend).toContainText(text);
  }
});

test("at 390 px wide the lineage page does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/lineage");
  await expect(page.getByTestId("lineage-canvas")).toBeVisible();
  await settledLabels(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
