// Saves a PNG of a page with Debian's Chromium: node scripts/screenshot.mjs URL OUT.png [width]
import { chromium } from "@playwright/test";
import launch from "./chromium.json" with { type: "json" };

const [url = "http://localhost:3000/", out = "public/screenshot-overview.png", width = "1280"] =
  process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? launch.executablePath,
  args: launch.args,
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`saved ${out}`);
