import { expect, type Page, test } from "@playwright/test";

// The lineage page's first frame is drawn before React has loaded
// (components/lineage/first-frame.ts), into the shell's canvas, and the loaded
// page then draws the same frame in the same place: the user sees the graph
// sooner, and nothing jumps or changes when React takes over.

interface Frame {
  pixels: string;
  box: { x: number; y: number; width: number; height: number };
}

/** Keeps the canvas's pixels and box at the moment a frame first marks the graph painted. */
function captureFirstFrame() {
  let painted: number | undefined;
  Object.defineProperty(window, "__hbGraphPainted", {
    configurable: true,
    get: () => painted,
    set(value: number) {
      painted = value;
      const canvas = document.querySelector("canvas[data-first-frame]") as HTMLCanvasElement | null;
      if (!canvas) return;
      const r = canvas.getBoundingClientRect();
      (window as { __firstFrame?: Frame }).__firstFrame = {
        pixels: canvas.toDataURL(),
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    },
  });
}

/** Share of the canvas's pixels that are not its background (the first pixel's colour). */
function drawnShare(page: Page, selector: string): Promise<{ drawn: number; colours: string[] }> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(sel) as HTMLCanvasElement;
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const bg = [data[0], data[1], data[2]];
    let drawn = 0;
    const colours = new Set<string>();
    for (let i = 0; i < data.length; i += 4) {
      const rgb = [data[i], data[i + 1], data[i + 2]] as number[];
      if (rgb[0] === bg[0] && rgb[1] === bg[1] && rgb[2] === bg[2]) continue;
      drawn++;
      colours.add(`#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`.toUpperCase());
    }
    return { drawn: drawn / (data.length / 4), colours: [...colours] };
  }, selector);
}

test("the graph is drawn before React has loaded", async ({ page, request }) => {
  // Without Next's scripts (its stylesheet stays) nothing of React ever runs:
  // what is drawn is the first-frame script's.
  await page.route(/\/_next\/static\/.*\.js(\?|$)/, (route) => route.abort());
  await page.goto("/lineage");
  await expect.poll(() => page.evaluate(() => window.__hbGraphPainted)).toBeGreaterThan(0);
  // React never took the graph over: the script's graph is still on offer.
  expect(await page.evaluate(() => window.__hbFirstGraph !== undefined)).toBe(true);
  const { drawn, colours } = await drawnShare(page, "canvas[data-first-frame]");
  expect(drawn).toBeGreaterThan(0.01);
  // Nodes carry their health's colour (components/lineage/graph-palette.ts):
  // the demo has healthy assets and, on purpose, a degraded one.
  const letters = ((await (await request.get("/api/v1/graph")).json()) as { health: string })
    .health;
  expect(letters).toContain("H");
  expect(letters).toContain("D");
  expect(colours).toContain("#009E73");
  expect(colours).toContain("#D55E00");
});

test("the loaded page draws the same first frame in the same place", async ({ page }) => {
  await page.addInitScript(captureFirstFrame);
  await page.goto("/lineage");
  const canvas = page.getByTestId("lineage-canvas");
  await expect(canvas).toBeVisible();
  await expect(page.getByTestId("graph-summary")).toContainText("Showing");
  const first = await page.evaluate(() => (window as { __firstFrame?: Frame }).__firstFrame);
  // The first frame was the script's, into the shell, not React's.
  expect(first, "the first-frame script drew into the shell").toBeDefined();
  const now = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const c = document.querySelector("[data-testid=lineage-canvas]") as HTMLCanvasElement;
    const r = c.getBoundingClientRect();
    return {
      pixels: c.toDataURL(),
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
  expect(now.box).toEqual(first?.box);
  expect(now.pixels === first?.pixels, "React's frame has the script's pixels").toBe(true);
});

test("a small graph comes in the document: the script and React draw it without asking for it", async ({
  page,
  request,
}) => {
  await page.goto("/lineage");
  // No preload: nothing is fetched for the first frame.
  expect(await page.locator('head link[rel="preload"][as="fetch"]').count()).toBe(0);
  const inline = await page.locator("script#hb-graph").evaluate((el) => ({
    type: el.getAttribute("type"),
    text: el.textContent ?? "",
  }));
  expect(inline.type).toBe("application/json");
  await expect.poll(() => page.evaluate(() => window.__hbGraphPainted)).toBeGreaterThan(0);
  await expect(page.getByTestId("graph-summary")).toContainText("Showing");
  // React took the script's graph over (takeFirstGraph); nothing asked for the
  // graph before it was painted (React's polls come a refresh interval later).
  expect(await page.evaluate(() => window.__hbFirstGraph)).toBeUndefined();
  const asksBeforePaint = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter(
        (e) =>
          new URL(e.name).pathname === "/api/v1/graph" &&
          e.startTime < (window.__hbGraphPainted ?? 0),
      )
      .map((e) => e.name),
  );
  expect(asksBeforePaint).toEqual([]);
  // The document's graph is the graph API's, once both read the same snapshot.
  let fromDocument = JSON.parse(inline.text) as { generation: string };
  await expect(async () => {
    const fromApi = (await (await request.get("/api/v1/graph")).json()) as { generation: string };
    if (fromApi.generation !== fromDocument.generation) {
      await page.reload();
      fromDocument = JSON.parse((await page.locator("script#hb-graph").textContent()) ?? "");
    }
    expect(fromDocument).toEqual(fromApi);
  }).toPass({ timeout: 30_000 });
});

test("a client-side navigation to the lineage page draws the graph its query fetches", async ({
  page,
}) => {
  // No first-frame script runs after a client-side navigation: React's query
  // asks for the graph (lib/lineage/inline-graph.ts, documentGraphJson).
  await page.goto("/");
  const asked = page.waitForRequest((r) => new URL(r.url()).pathname === "/api/v1/graph");
  await page.getByRole("link", { name: "Lineage", exact: true }).first().click();
  await expect(page).toHaveURL(/\/lineage/);
  await asked;
  await expect(page.getByTestId("graph-summary")).toContainText("Showing");
  await expect.poll(() => page.evaluate(() => window.__hbGraphPainted)).toBeGreaterThan(0);
});

// The second workspace's Healthboard puts no graph in its documents
// (`lineage.inlineGraphMaxAssets: 0` in e2e/healthboard.second.yaml), as for a
// graph past the limit: the page then asks for it from the head.
const SECOND_URL = `http://127.0.0.1:${process.env.E2E_SECOND_PORT ?? 3124}`;

test("a graph past the inline limit is asked for once, from the document's head, and both the script and React read that answer", async ({
  page,
}) => {
  // A URL's first request goes out without If-None-Match; the page's later
  // polls revalidate what the browser keeps (private, max-age, ETag).
  const asks: Promise<string | null>[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname !== "/api/v1/graph") return;
    asks.push(
      r.allHeaders().then(
        (h) => (h["if-none-match"] ? null : r.url()),
        () => null, // a poll still in flight when the page closed: not a first ask
      ),
    );
  });
  // The default environment named in the URL: the same request as without it.
  await page.goto(`${SECOND_URL}/lineage?env=prod`);
  expect(await page.locator("script#hb-graph").count()).toBe(0);
  const preloaded = await page
    .locator('head link[rel="preload"][as="fetch"]')
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(preloaded).toHaveLength(1);
  const url = new URL(preloaded[0] as string);
  expect(url.pathname).toBe("/api/v1/graph");
  expect(url.searchParams.get("format")).toBe("gzip");
  expect(url.searchParams.has("env")).toBe(false);
  await expect.poll(() => page.evaluate(() => window.__hbGraphPainted)).toBeGreaterThan(0);
  await expect(page.getByTestId("graph-summary")).toContainText("Showing");
  // React took the script's request over (takeFirstGraph), which took the preload's answer:
  // one URL, asked once.
  expect(await page.evaluate(() => window.__hbFirstGraph)).toBeUndefined();
  const firstAsks = (await Promise.all(asks)).filter((url) => url !== null);
  expect(firstAsks).toEqual(preloaded);
});
