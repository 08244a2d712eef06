import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { spawnHealthboard, stopHealthboard } from "./support/spawn-healthboard";

// Optional access control, set from the environment (docs/access-control.md).
// Two more Healthboards with the build under test: basic auth with public
// badges on :3140, a trusted reverse-proxy header on :3141.
const USER = "oncall";
const PASSWORD = "correct horse battery";
const basicHeader = (u: string, p: string) =>
  `Basic ${Buffer.from(`${u}:${p}`, "utf8").toString("base64")}`;

let basic: { child: ChildProcess; url: string };
let proxied: { child: ChildProcess; url: string };

test.beforeAll(async () => {
  // Two production servers start at once, beside the suite's own: on a loaded
  // machine that passed the default 60 s hook timeout once.
  test.setTimeout(120_000);
  [basic, proxied] = await Promise.all([
    spawnHealthboard(3140, {
      HEALTHBOARD_BASIC_AUTH_USER: USER,
      HEALTHBOARD_BASIC_AUTH_PASSWORD: PASSWORD,
      HEALTHBOARD_PUBLIC_BADGES: "true",
    }),
    spawnHealthboard(3141, { HEALTHBOARD_TRUSTED_USER_HEADER: "X-Forwarded-User" }),
  ]);
});

test.afterAll(() => {
  stopHealthboard(basic?.child);
  stopHealthboard(proxied?.child);
});

const ROUTES = [
  "/",
  "/teams/ml",
  "/lineage",
  "/api/v1/overview",
  "/api/v1/graph",
  "/embed/teams/ml/freshness",
];

test("basic auth: every page, API and embed needs the configured credentials", async ({
  request,
}) => {
  for (const route of ROUTES) {
    const anonymous = await request.get(`${basic.url}${route}`);
    expect(anonymous.status(), route).toBe(401);
    expect(anonymous.headers()["www-authenticate"]).toContain('Basic realm="Healthboard"');
    expect(await anonymous.text()).not.toContain("ML Platform");
    const wrong = await request.get(`${basic.url}${route}`, {
      headers: { authorization: basicHeader(USER, `${PASSWORD}x`) },
    });
    expect(wrong.status(), route).toBe(401);
    const right = await request.get(`${basic.url}${route}`, {
      headers: { authorization: basicHeader(USER, PASSWORD) },
    });
    expect(right.status(), route).toBe(200);
  }
});

test("basic auth also covers scripts and RSC requests", async ({ request }) => {
  const auth = { authorization: basicHeader(USER, PASSWORD) };
  const html = await (await request.get(`${basic.url}/teams/ml`, { headers: auth })).text();
  const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script).toBeTruthy();
  expect((await request.get(`${basic.url}${script}`)).status()).toBe(401);
  expect((await request.get(`${basic.url}${script}`, { headers: auth })).status()).toBe(200);
  const rsc = await request.get(`${basic.url}/teams/ml`, { headers: { RSC: "1" } });
  expect(rsc.status()).toBe(401);
});

test("basic auth in a browser: credentials open the team page", async ({ browser }) => {
  const context = await browser.newContext({
    httpCredentials: { username: USER, password: PASSWORD },
  });
  const page = await context.newPage();
  await page.goto(`${basic.url}/teams/ml`);
  await expect(page.getByRole("heading", { name: "ML Platform", level: 1 })).toBeVisible();
  await context.close();
});

test("badges stay public when HEALTHBOARD_PUBLIC_BADGES is set", async ({ request }) => {
  const badge = await request.get(`${basic.url}/badge/team/ml.svg`);
  expect(badge.status()).toBe(200);
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
});

test("trusted proxy header: requests without the user header are refused", async ({ request }) => {
  for (const route of ROUTES) {
    expect((await request.get(`${proxied.url}${route}`)).status(), route).toBe(401);
    const withUser = await request.get(`${proxied.url}${route}`, {
      headers: { "X-Forwarded-User": "ada@example.com" },
    });
    expect(withUser.status(), route).toBe(200);
  }
  // Badges are not public in this set-up.
  expect((await request.get(`${proxied.url}/badge/team/ml.svg`)).status()).toBe(401);
});
