// Saves a PNG of a page with Debian's Chromium: node scripts/screenshot.mjs URL OUT.png [width]
import { chromium } from "@playwright/test";

const [url = "http://localhost:3000/", out = "public/screenshot-overview.png", width = "1280"] =
  process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`saved ${out}`);
