// One clock for both sides of a "navigation → painted" comparison (issue 17).
//
// Before, Healthboard was timed from navigation start inside its page and the
// Dagster UI from the bench process around the page load, which flattered
// Healthboard. Here the same code times both: a script injected before any of
// the page's own (Playwright's addInitScript) checks on every animation frame
// whether the graph's first content is there, and records `performance.now()`
// of the first frame where it is. Both sides thus start at the same event, the
// document's navigation start (`performance.timeOrigin`, which includes any
// redirect), and end at the same criterion, the first animation frame with
// graph content present:
//   - Healthboard: its canvas has drawn a frame (the page sets
//     `window.__hbGraphPainted` inside the drawing frame; no DOM text exists);
//   - Dagster UI: a group or asset name (`group_N`, `asset_NNNNN`) in the DOM with
//     a non-empty layout box, or its "too large" message (recorded as refused).
// The bench process's own wall clock (page.goto to the flag seen, polled per
// animation frame) is reported beside it, the same way for both.

/** Runs in the page. `side` picks the content test; everything else is shared. */
function fairClockInit(side) {
  const NAME = /^group_\d|asset_\d{5}/;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const dagsterContent = () => {
    if (!document.body) return null;
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (!el || el.closest("script,style")) continue;
      if (NAME.test(text) && shown(el)) return "painted";
      if (/too large/i.test(text) && shown(el)) return "refused (graph too large)";
    }
    return null;
  };
  const content =
    side === "healthboard"
      ? () => (window.__hbGraphPainted !== undefined ? "painted" : null)
      : dagsterContent;
  const tick = () => {
    const outcome = content();
    if (outcome) {
      window.__benchPainted = { ms: performance.now(), outcome };
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Opens `url` in a fresh context and times it to painted with the fair clock.
 * Returns { ms (navigation start → painted, in the page), wall (bench process), outcome }.
 */
export async function timeToPainted(browser, url, side, timeoutMs = 180_000) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await ctx.newPage();
    await page.addInitScript(fairClockInit, side);
    const t0 = Date.now();
    await page.goto(url);
    const ok = await page
      .waitForFunction(() => window.__benchPainted !== undefined, null, {
        timeout: timeoutMs,
        polling: "raf",
      })
      .then(
        () => true,
        () => false,
      );
    const wall = Date.now() - t0;
    if (!ok) return { ms: Number.NaN, wall, outcome: `not painted within ${timeoutMs / 1000} s` };
    const { ms, outcome } = await page.evaluate(() => window.__benchPainted);
    return { ms, wall, outcome };
  } finally {
    await ctx.close();
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
