import { type BrowserContext, errors, type Page } from "@playwright/test";

/**
 * Runs `work` over `items` in `tabs` pages of one browser context, each page
 * taking the next item when it is done with its last. Crawls that open every
 * page and wait for the network to go quiet spend most of their time in that
 * wait (500 ms of silence per page at least): a few tabs overlap the waits.
 * Each call of `work` gets the page it runs in, so page events stay attributable.
 */
export async function inTabs<T>(
  context: BrowserContext,
  items: readonly T[],
  tabs: number,
  work: (page: Page, item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(tabs, items.length) }, async () => {
    // The page stays open when done: late events (response bodies) still arrive; the context closes it.
    const page = await context.newPage();
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await work(page, item);
      } catch (error) {
        next = items.length; // the other tabs stop after their current item
        throw error;
      }
    }
  });
  await Promise.all(runners);
}

/**
 * Waits until the page's network has been quiet for 500 ms, or `ms` at most.
 * The wait only gives client components time to fetch their data, and pages
 * poll: on a loaded machine their requests overlapped for minutes, so a page
 * never went quiet (CI, 3 December: one crawl spent its whole 180 s there).
 */
export async function settle(page: Page, ms = 15_000): Promise<void> {
  try {
    await page.waitForLoadState("networkidle", { timeout: ms });
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
  }
}
