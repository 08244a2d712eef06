import { expect, test } from "@playwright/test";
import { fetchBadge } from "./support/badge-svg";
import { assetsTruth, expectedAssetBadge, expectedTeamMessage } from "./support/badge-truth";
import { failedChecks, latestRunOf, latestStepError } from "./support/cause-truth";
import { TEAMS } from "./support/team-truth";

// SVG badges against the real Dagster: valid SVG, the right headers, and what
// they say equals Dagster's own state, read independently over GraphQL. These
// only read it, so they run beside the other read-only specs; the location
// badge's break and fix is e2e/badges-location.spec.ts, in the serial phase.

test.beforeEach(async ({ page }) => {
  await page.goto("about:blank");
});

test("team badges say what Dagster's health says, with cache headers and a 304", async ({
  page,
  request,
}) => {
  for (const team of TEAMS) {
    const url = `/badge/team/${team.slug}.svg`;
    await expect(async () => {
      const truth = expectedTeamMessage(await assetsTruth(), team.slug);
      const badge = await fetchBadge(page, request, url);
      expect(badge.res.status()).toBe(200);
      expect(badge.message).toBe(truth);
    }).toPass({ timeout: 30_000 });
    const badge = await fetchBadge(page, request, url);
    const headers = badge.res.headers();
    expect(headers["cache-control"]).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(headers.etag).toMatch(/^"[\w-]+"$/);
    const again = await request.get(url, { headers: { "if-none-match": headers.etag ?? "" } });
    // The state may have moved between the two requests; then the ETag moved with it.
    if (again.status() === 200) expect(again.headers().etag).not.toBe(headers.etag);
    else expect(again.status()).toBe(304);
  }
  // recommendation_model fails on purpose: team ml cannot be healthy.
  const ml = await fetchBadge(page, request, "/badge/team/ml.svg?label=ml");
  expect(ml.label).toBe("ml");
  expect(ml.message).toMatch(/^\d+ degraded/);
  const truth = await assetsTruth();
  expect(truth.find((a) => a.path.join("/") === "recommendation_model")?.overall).toBe("DEGRADED");
});

test("asset badges give each asset's health, and its freshness, as Dagster judges them", async ({
  page,
  request,
}) => {
  const assets = await assetsTruth();
  expect(assets.length).toBeGreaterThan(10);
  for (const asset of assets) {
    const url = `/badge/asset/${asset.path.map(encodeURIComponent).join("/")}.svg`;
    let attempt = 0;
    await expect(async () => {
      // Retries re-read Dagster: its state may have moved since the first read.
      const now = attempt++ === 0 ? asset : (await assetsTruth()).find((a) => a.id === asset.id);
      const badge = await fetchBadge(page, request, url);
      expect(badge.res.status()).toBe(200);
      expect(badge.label).toBe(asset.path.join("/"));
      const expected = now ? expectedAssetBadge(now) : null;
      const [health, detail] = badge.message.split(" · ");
      expect(health).toBe(expected ? expected.health : "not found");
      expect(detail?.split(" ")[0] ?? null).toBe(expected?.freshness ?? null);
    }).toPass({ timeout: 60_000 });
  }
  // The demo's stale asset is degraded by freshness alone, and says how late it is.
  const stale = await fetchBadge(page, request, "/badge/asset/legacy_marketing_export.svg");
  expect(stale.message).toMatch(/^degraded · stale [\d.]+ (s|min|h|d) late$/);
  // A two-part key, and ?deployment= naming where it lives, or where it does not.
  const twoPart = await fetchBadge(
    page,
    request,
    "/badge/asset/ml/product_embeddings.svg?deployment=local",
  );
  expect(twoPart.label).toBe("ml/product_embeddings");
  // A deployment that never answered cannot say the key is missing there; one that does not exist can.
  const offline = await fetchBadge(
    page,
    request,
    "/badge/asset/ml/product_embeddings.svg?deployment=offline",
  );
  expect([offline.res.status(), offline.message]).toEqual([200, "unknown"]);
  const nowhere = await fetchBadge(
    page,
    request,
    "/badge/asset/ml/product_embeddings.svg?deployment=nowhere",
  );
  expect([nowhere.res.status(), nowhere.message]).toEqual([404, "not found"]);
});

test("asset badge titles say why: the failing ERROR check, the failed run and its error, the lateness", async ({
  page,
  request,
}) => {
  const assets = await assetsTruth();
  // Every asset whose checks fail with ERROR names each such check in its title.
  for (const a of assets.filter((x) => x.overall === "DEGRADED")) {
    const errors = (await failedChecks(a.path)).filter((c) => c.severity === "ERROR");
    if (errors.length === 0) continue;
    const badge = await fetchBadge(page, request, `/badge/asset/${a.path.join("/")}.svg`);
    for (const c of errors) expect(badge.title).toContain(`check ${c.name} failed (ERROR)`);
  }
  // recommendation_model: the title names its failed latest run and, when its own step failed
  // there (the demo's RuntimeError), that error.
  const latest = await latestRunOf(["recommendation_model"]);
  const step = await latestStepError(["recommendation_model"]);
  const model = await fetchBadge(page, request, "/badge/asset/recommendation_model.svg");
  if (latest?.status === "FAILURE") {
    expect(model.title).toContain(`degraded: run ${latest.runId.slice(0, 8)}… failed`);
    if (step?.runId === latest.runId) expect(model.title).toContain(step.firstLine.slice(0, 40));
  }
  // legacy_marketing_export is degraded by freshness alone: how far past which window.
  const stale = await fetchBadge(page, request, "/badge/asset/legacy_marketing_export.svg");
  expect(stale.title).toMatch(/degraded: stale, [\d.]+ (s|min|h|d) past its [\d.]+ (h|d) window/);
});

test("?show=freshness gives the freshness verdict alone, as Dagster judges it", async ({
  page,
  request,
}) => {
  // It reads Dagster's health once per asset, beside the other parallel specs:
  // 27 s at load 10-18, past the 60 s default at load 20 with every worker busy.
  test.setTimeout(120_000);
  for (const asset of await assetsTruth()) {
    const url = `/badge/asset/${asset.path.map(encodeURIComponent).join("/")}.svg?show=freshness`;
    await expect(async () => {
      const now = (await assetsTruth()).find((a) => a.id === asset.id) ?? asset;
      const badge = await fetchBadge(page, request, url);
      const expected = !now.hasFreshnessPolicy
        ? "no policy"
        : now.freshness === "HEALTHY"
          ? "fresh"
          : now.freshness === "WARNING" || now.freshness === "DEGRADED"
            ? "stale"
            : "unknown";
      expect(badge.message === expected || badge.message.startsWith(`${expected} `)).toBe(true);
    }).toPass({ timeout: 60_000 });
  }
  const stale = await fetchBadge(
    page,
    request,
    "/badge/asset/legacy_marketing_export.svg?show=freshness",
  );
  expect(stale.message).toMatch(/^stale [\d.]+ (s|min|h|d) late$/);
  expect(stale.title).toMatch(/: stale: [\d.]+ (s|min|h|d) past its [\d.]+ (h|d) window$/);
  const bad = await fetchBadge(page, request, "/badge/asset/legacy_marketing_export.svg?show=x");
  expect(bad.res.status()).toBe(400);
});

test("unknown names get a 404 badge and bad parameters a 400 badge; input is never markup", async ({
  page,
  request,
}) => {
  for (const url of [
    "/badge/team/nobody.svg",
    "/badge/team/Not%20A%20Slug.svg",
    "/badge/asset/no/such/asset.svg",
    "/badge/location/local/no-such-location.svg",
    "/badge/location/nowhere/ml-platform.svg",
    "/badge/team/ml",
  ]) {
    const badge = await fetchBadge(page, request, url);
    expect(badge.res.status(), url).toBe(404);
    expect(badge.message).toBe("not found");
  }
  for (const url of [
    "/badge/team/ml.svg?style=3d",
    `/badge/team/ml.svg?label=${"x".repeat(101)}`,
    `/badge/asset/${"k/".repeat(60)}k.svg`,
  ]) {
    const badge = await fetchBadge(page, request, url);
    expect(badge.res.status(), url).toBe(400);
    expect(badge.res.headers()["cache-control"]).toBe("no-store");
  }
  const hostile = "<script>alert(1)</script>\"'&\u0001";
  const badge = await fetchBadge(
    page,
    request,
    `/badge/team/ml.svg?label=${encodeURIComponent(hostile)}`,
  );
  expect(badge.label).toBe("<script>alert(1)</script>\"'&");
  expect(badge.body).not.toContain("<script");
});

test("a badge renders as an <img> in Chromium, and its texts fit their boxes", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const url = "/badge/team/analytics.svg";
  const size = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return { w: img.naturalWidth, h: img.naturalHeight };
  }, url);
  const badge = await fetchBadge(page, request, url);
  expect(size).toEqual({ w: badge.width, h: 20 });

  // The width table against the font Chromium really draws with: each text,
  // measured without textLength, needs no more room than it was given.
  const urls = [
    ...TEAMS.map((t) => `/badge/team/${t.slug}.svg`),
    "/badge/location/local/analytics-team.svg",
    "/badge/asset/legacy_marketing_export.svg",
    `/badge/team/ml.svg?label=${encodeURIComponent("WWW mmm @@@ %%% ~|{}")}`,
  ];
  for (const u of urls) {
    const { body } = await fetchBadge(page, request, u);
    const overflow = await page.evaluate((text) => {
      const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
      const host = document.importNode(svg, true) as unknown as SVGSVGElement;
      document.body.append(host);
      const out = [...host.querySelectorAll("text")].map((t) => {
        const given = Number(t.getAttribute("textLength"));
        t.removeAttribute("textLength");
        return (t as SVGTextElement).getComputedTextLength() - given;
      });
      host.remove();
      return Math.max(...out);
    }, body);
    expect(overflow, u).toBeLessThanOrEqual(0.5);
  }
});
