import type { Server } from "node:http";
import { gzipSync } from "node:zlib";
import { expect, type Frame, type Page, test } from "@playwright/test";
import { dagsterQuery } from "./support/dagster";
import { startHostPage, stopHostPage } from "./support/host-page";
import { teamTruth } from "./support/team-truth";

// e2e/healthboard.e2e.yaml lets http://127.0.0.1:3105 frame embeds; :3106 is a
// site nobody allowed.
const ALLOWED = 3105;
const FORBIDDEN = 3106;
let hosts: Server[] = [];

test.afterEach(async () => {
  await Promise.all(hosts.map(stopHostPage));
  hosts = [];
});

async function hostFraming(page: Page, port: number, src: string, extra = ""): Promise<Frame> {
  hosts.push(
    await startHostPage(
      port,
      `<h1>Team wiki</h1><iframe id="hb" src="${src}" width="800" height="150"></iframe>${extra}`,
    ),
  );
  await page.goto(`http://127.0.0.1:${port}/`);
  const handle = await page.locator("#hb").elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("no frame");
  return frame;
}

test("a wiki page on an allowed origin frames a team panel, which renders Dagster's numbers", async ({
  page,
  baseURL,
}) => {
  const truth = await teamTruth("ml");
  // The Embed button's own snippet: iframe plus the auto-height script.
  await page.goto("/teams/ml?range=7d");
  await page.getByTestId("panel-kpis").getByRole("button", { name: "Embed" }).click();
  const dialog = page.getByRole("dialog", { name: "Embed “Key figures”" });
  await expect(dialog).toBeVisible();
  const iframe = await dialog.getByTestId("embed-iframe").inputValue();
  const script = await dialog.getByTestId("embed-script").inputValue();
  expect(iframe).toContain(`${baseURL}/embed/teams/ml/kpis?range=7d&amp;autoheight=1`);
  expect(await dialog.getByTestId("embed-badges").inputValue()).toContain(
    `${baseURL}/badge/team/ml.svg`,
  );

  hosts.push(await startHostPage(ALLOWED, `<h1>Team wiki</h1>${iframe}${script}`));
  await page.goto(`http://127.0.0.1:${ALLOWED}/`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByTestId("kpi-owned")).toHaveText(String(truth.assets.length));
  await expect(frame.getByTestId("kpi-degraded")).toHaveText(String(truth.degraded.length));
  // Chrome-less: no site header inside the frame.
  await expect(frame.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  // Auto-height: the host's listener sized the frame to the panel, not the 360 px default.
  const frameHeight = () =>
    page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height);
  await expect.poll(frameHeight).not.toBe(360);
  const content = await frame.getByTestId("embed-frame").evaluate((el) => el.scrollHeight);
  expect(Math.abs((await frameHeight()) - content)).toBeLessThanOrEqual(2);
});

test("an origin that is not allowed cannot frame an embed", async ({ page, baseURL }) => {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("frame-ancestors")) refused.push(m.text());
  });
  const frame = await hostFraming(page, FORBIDDEN, `${baseURL}/embed/teams/ml/freshness`);
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  await expect(frame.getByTestId("panel-freshness")).toHaveCount(0);
});

test("no site page can be framed, even from the allowed origin", async ({ page, baseURL }) => {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/X-Frame-Options|frame-ancestors/.test(m.text())) refused.push(m.text());
  });
  const frame = await hostFraming(page, ALLOWED, `${baseURL}/teams/ml`);
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  await expect(frame.getByTestId("panel-freshness")).toHaveCount(0);
});

test("an embed takes its theme from the query string, over the reader's system", async ({
  page,
}) => {
  // Lightness (0-1) of the frame's background, from its computed colour.
  const lightness = async (theme: string) => {
    await page.goto(`/embed/teams/ml/freshness?theme=${theme}&autoheight=1`);
    const css = await page
      .locator("[data-theme]")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [a = 0, b = 0, c = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
    if (css.startsWith("rgb")) return (a + b + c) / 765;
    // lab()/lch() lightness runs 0-100, oklab()/oklch() 0-1.
    return css.startsWith("ok") ? a : a / 100;
  };
  for (const system of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: system });
    const light = await lightness("light");
    const dark = await lightness("dark");
    expect(light, `system ${system}`).toBeGreaterThan(0.8);
    expect(dark, `system ${system}`).toBeLessThan(0.3);
    // The chosen theme's background fills the whole frame, not just the panel.
    const box = await page.locator("[data-theme]").boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(page.viewportSize()?.height ?? 0);
  }
  // A bad theme falls back to auto with a note, never reflecting the input.
  await page.goto("/embed/teams/ml/freshness?theme=%3Cscript%3Ex%3C%2Fscript%3E");
  await expect(page.getByTestId("param-problems")).toContainText("Unknown theme");
  expect(await page.content()).not.toContain("<script>x</script>");
});

test("an embed loads at most 150 KB of gzipped JavaScript, charts included", async ({ page }) => {
  for (const panel of ["kpis", "execution-times", "failures", "assets"]) {
    const scripts = new Map<string, Buffer>();
    const onResponse = async (res: import("@playwright/test").Response) => {
      if (res.request().resourceType() === "script") scripts.set(res.url(), await res.body());
    };
    page.on("response", onResponse);
    await page.goto(`/embed/teams/ml/${panel}`, { waitUntil: "networkidle" });
    page.off("response", onResponse);
    let gzipped = 0;
    for (const body of scripts.values()) gzipped += gzipSync(body).length;
    expect(scripts.size, panel).toBeGreaterThan(3);
    expect(gzipped / 1024, panel).toBeLessThanOrEqual(150);
  }
});

test("an embed's 404 stays in its frame: its link opens Healthboard in a new tab", async ({
  page,
  baseURL,
}) => {
  const frame = await hostFraming(page, ALLOWED, `${baseURL}/embed/teams/ml/not-a-panel`);
  const link = frame.getByRole("link", { name: "Healthboard" });
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(frame.getByRole("navigation", { name: "Main" })).toHaveCount(0);
});

test("the lineage embed focuses one asset and rings its blast radius", async ({ page }) => {
  const focus = encodeURIComponent(JSON.stringify(["recommendation_model"]));
  await page.goto(`/embed/lineage?focus=${focus}&depth=1`);
  await expect(page.getByTestId("embed-lineage-summary")).toContainText(
    "Around recommendation_model, 1 levels",
  );
  await expect(page.getByTestId("lineage-canvas")).toBeVisible();
  // Depth 1: the model and its direct neighbours, as Dagster's GraphQL lists them.
  const { assetNodes } = await dagsterQuery<{
    assetNodes: { dependencyKeys: { path: string[] }[]; dependedByKeys: { path: string[] }[] }[];
  }>(
    `{ assetNodes(assetKeys: [{ path: ["recommendation_model"] }]) { dependencyKeys { path } dependedByKeys { path } } }`,
  );
  const node = assetNodes[0];
  if (!node) throw new Error("recommendation_model is not in Dagster");
  const neighbours = new Set(
    [...node.dependencyKeys, ...node.dependedByKeys].map((k) => JSON.stringify(k.path)),
  );
  await expect(page.getByTestId("shown-count")).toHaveText(String(1 + neighbours.size));
  const shown = 1 + neighbours.size;
  await page.goto(`/embed/lineage?focus=${focus}&depth=3`);
  await expect
    .poll(async () => Number(await page.getByTestId("shown-count").textContent()))
    .toBeGreaterThan(shown);
});

test("unknown panels and teams are 404s", async ({ request }) => {
  expect((await request.get("/embed/teams/ml/not-a-panel")).status()).toBe(404);
  expect((await request.get("/embed/teams/no-such-team/freshness")).status()).toBe(404);
  expect((await request.get("/embed/teams/ml/__proto__")).status()).toBe(404);
});
