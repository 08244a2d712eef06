import type { BrowserContext, Page } from "@playwright/test";

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
