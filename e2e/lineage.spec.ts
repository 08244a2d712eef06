import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { lineageTruth } from "./support/lineage-truth";

interface Payload {
  keys: string[][];
  edges: number[];
}

test("the graph shows exactly the cross-location edges that exist in Dagster", async ({
  page,
  request,
}) => {
  const truth = await lineageTruth();
  expect(truth.crossLocationEdges.length).toBeGreaterThan(3);
  const payload = (await (await request.get("/api/v1/graph")).json()) as Payload;
  const shown: string[] = [];
  for (let e = 0; e < payload.edges.length; e += 3) {
    if (((payload.edges[e + 2] as number) & 1) === 0) continue;
    const from = JSON.stringify(payload.keys[payload.edges[e] as number]);
    const to = JSON.stringify(payload.keys[payload.edges[e + 1] as number]);
    shown.push(`${from} -> ${to}`);
  }
  expect(shown.sort()).toEqual(truth.crossLocationEdges);

  await page.goto("/lineage");
  await expect(page.getByTestId("cross-location-count")).toHaveText(
    String(truth.crossLocationEdges.length),
  );
  await expect
    .poll(() => page.evaluate(() => (window as { __hbGraphPainted?: number }).__hbGraphPainted))
    .toBeGreaterThan(0);
});

test("the blast radius of the asset that fails on purpose lists the right assets and teams", async ({
  page,
}) => {
  const target = JSON.stringify(["recommendation_model"]);
  const truth = (await lineageTruth()).blast(target);
  expect(truth.assets.length).toBeGreaterThan(0);
  await page.goto(`/lineage?selected=${encodeURIComponent(target)}`);
  const details = page.getByTestId("node-details");
  await expect(
    details.getByRole("heading", { name: "recommendation_model", exact: true }),
  ).toBeVisible();
  await expect(details.getByTestId("node-health").locator("[data-health]").first()).toHaveAttribute(
    "data-health",
    "DEGRADED",
  );
  const assets = details.getByTestId("blast-assets").locator("li");
  await expect(assets).toHaveCount(truth.assets.length);
  expect(
    (await assets.evaluateAll((li) => li.map((l) => l.getAttribute("data-asset")))).sort(),
  ).toEqual(truth.assets);
  for (const [team, count] of truth.teams) {
    await expect(details.getByTestId("blast-teams").locator(`li[data-team="${team}"]`)).toHaveText(
      `${team}: ${count}`,
    );
  }
});

test("the URL holds the whole view: reload and it is the same", async ({ page }) => {
  await page.goto("/lineage");
  await page.getByTestId("asset-search").fill("churn_model");
  await page.getByRole("button", { name: "Focus", exact: true }).click();
  await expect(page).toHaveURL(/focus=/);
  await page.getByTestId("filter-depth").selectOption("1");
  await page.getByTestId("filter-team").selectOption("ml");
  await expect(page).toHaveURL(/team=ml/);
  const shown = await page.getByTestId("shown-count").textContent();
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByTestId("shown-count")).toHaveText(shown ?? "");
  await expect(page.getByTestId("filter-team")).toHaveValue("ml");
  await expect(page.getByTestId("filter-depth")).toHaveValue("1");
  await expect(
    page.getByTestId("node-details").getByRole("heading", { name: "churn_model", exact: true }),
  ).toBeVisible();
});

test("changes made in quick succession all reach the URL", async ({ page }) => {
  await page.goto("/lineage");
  await expect(page.getByTestId("shown-count")).not.toHaveText("0");
  // Two health toggles in one task: neither may overwrite the other.
  await page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>("fieldset input[type=checkbox]")];
    boxes[0]?.click();
    boxes[1]?.click();
  });
  await expect(page).toHaveURL(/health=[A-Z]{2}(&|$)/);
});

test("a deployment that cannot be reached is named above the graph, with its data age", async ({
  page,
}) => {
  // e2e/healthboard.e2e.yaml's "offline" deployment points where nothing listens.
  await page.goto("/lineage");
  const banner = page.getByTestId("data-age-banner");
  await expect(banner.locator("[data-deployment=offline]")).toContainText("offline");
  await expect(banner.locator("[data-deployment=local]")).toHaveCount(0);
  await expect(page.getByTestId("lineage-canvas")).toBeVisible();
});

test("ignored view parameters are explained, never echoed", async ({ page }) => {
  await page.goto("/lineage?depth=99&health=XZ%3Cb%3E");
  const note = page.getByTestId("param-problems");
  await expect(note).toContainText("Depth must be a whole number");
  await expect(note).toContainText("Health takes the letters");
  expect(await note.innerHTML()).not.toContain("<b>");
});

test("the asset API refuses bad keys with 400 and unknown ones with 404", async ({ request }) => {
  expect((await request.get("/api/v1/asset?key=[not-json")).status()).toBe(400);
  expect((await request.get("/api/v1/asset?key=not-a-key")).status()).toBe(404);
  expect((await request.get(`/api/v1/asset?key=${encodeURIComponent("[]")}`)).status()).toBe(400);
  expect((await request.get(`/api/v1/asset?key=${encodeURIComponent('["nope"]')}`)).status()).toBe(
    404,
  );
  const ok = await request.get(
    `/api/v1/asset?key=${encodeURIComponent('["ml","product_embeddings"]')}`,
  );
  expect(ok.status()).toBe(200);
  expect((await ok.json()).definitions[0].location).toBe("ml-platform");
});

test("API bodies arrive compressed once and parse", async ({ request }) => {
  const res = await request.get("/api/v1/graph", { headers: { "accept-encoding": "gzip" } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as Payload;
  expect(body.keys.length).toBeGreaterThan(10);
});

// The browser asks for the graph gzipped once per snapshot (lib/http/compressed-json.ts).
const GZIP_JSON_TYPE = "application/vnd.healthboard.json+gzip";
const isGraphPoll = (r: { url(): string }) => new URL(r.url()).pathname === "/api/v1/graph";

test("the gzip representation leaves Next as the same gzip bytes, never compressed again", async ({
  request,
}) => {
  const res = await request.get("/api/v1/graph", {
    headers: { accept: GZIP_JSON_TYPE, "accept-encoding": "gzip" },
  });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe(GZIP_JSON_TYPE);
  expect(res.headers()["content-encoding"]).toBeUndefined();
  const bytes = await res.body();
  expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  const body = JSON.parse(gunzipSync(bytes).toString("utf8")) as Payload;
  const plain = (await (await request.get("/api/v1/graph")).json()) as Payload;
  expect(body.keys).toEqual(plain.keys);
  const etag = res.headers().etag as string;
  const again = await request.get("/api/v1/graph", {
    headers: { accept: GZIP_JSON_TYPE, "if-none-match": etag },
  });
  expect([200, 304]).toContain(again.status()); // 200 only if a new snapshot came in between
  if (again.status() === 304) expect(again.headers().etag).toBe(etag);
});

test("?format= names the representation whatever Accept says, and a bad one is a 400", async ({
  request,
}) => {
  const gz = await request.get("/api/v1/graph?format=gzip", { headers: { accept: "*/*" } });
  expect(gz.status()).toBe(200);
  expect(gz.headers()["content-type"]).toBe(GZIP_JSON_TYPE);
  expect(gz.headers().vary).not.toMatch(/(^|,\s*)accept(,|$)/);
  const plain = (await (await request.get("/api/v1/graph")).json()) as Payload;
  expect((JSON.parse(gunzipSync(await gz.body()).toString("utf8")) as Payload).keys).toEqual(
    plain.keys,
  );
  const json = await request.get("/api/v1/graph?format=json", {
    headers: { accept: GZIP_JSON_TYPE },
  });
  expect(json.headers()["content-type"]).toContain("application/json");
  for (const bad of ["format=zip", "format=gzip&format=json"]) {
    const res = await request.get(`/api/v1/graph?${bad}`);
    expect(res.status(), bad).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^format:/);
  }
});

test("the lineage page polls the graph gzipped and keeps painting", async ({ page }) => {
  const firstPoll = page.waitForResponse(isGraphPoll);
  await page.goto("/lineage");
  await expect
    .poll(() => page.evaluate(() => (window as { __hbGraphPainted?: number }).__hbGraphPainted))
    .toBeGreaterThan(0);
  const first = await firstPoll;
  expect(new URL(first.url()).searchParams.get("format")).toBe("gzip");
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe(GZIP_JSON_TYPE);
  // A later poll (every 2 s in the e2e config): the first one was read by then.
  const later = await page.waitForResponse(isGraphPoll);
  expect([200, 304]).toContain(later.status());
  // A poll that could not be read would replace the graph with an alert.
  await expect(page.getByText("The lineage graph is unavailable")).toHaveCount(0);
  await expect(page.getByTestId("lineage-canvas")).toBeVisible();
  await expect(page.getByTestId("cross-location-count")).toHaveText(/^[1-9]\d*$/);
});

test("the lineage embed draws from the gzip representation", async ({ page }) => {
  const poll = page.waitForResponse(isGraphPoll);
  const focus = encodeURIComponent(JSON.stringify(["recommendation_model"]));
  await page.goto(`/embed/lineage?focus=${focus}&depth=1`);
  const res = await poll;
  // The embed's poll (lib/queries/use-polled-json.ts) asks by Accept.
  expect(res.request().headers().accept).toContain(GZIP_JSON_TYPE);
  expect(res.headers()["content-type"]).toBe(GZIP_JSON_TYPE);
  // The embed has no graph in its document: what it shows came from that body.
  await expect(page.getByTestId("embed-lineage-summary")).toContainText(
    "Around recommendation_model, 1 levels",
  );
  await expect(page.getByTestId("lineage-canvas")).toBeVisible();
});
