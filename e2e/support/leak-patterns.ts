import { expect } from "@playwright/test";

// What a response must never contain, for the bad-input and bad-config specs.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Signs of a leaked stack trace or of Healthboard's own files. Not any path:
 * Dagster's code-location load errors, shown on purpose, may name paths on
 * the Dagster host (the demo's live under /work/main); that is Dagster's text.
 */
export const LEAKS: [string, RegExp][] = [
  ["stack frame", /\n\s*at [^\n]{0,200}:\d+:\d+\)?/],
  ["stack frame", /\bat (?:async )?[\w.<>]+ \((?:file:|\/|node:)/],
  [
    "server path",
    new RegExp(`${escapeRegExp(process.cwd())}/(app|lib|components)/|node_modules/|\\.next/server`),
  ],
  ["bundler path", /webpack-internal:|\[turbopack\]/],
];

/** Fails, naming what leaked, when the body shows a stack trace or Healthboard's own files. */
export function expectNoLeaks(body: string, at: string): void {
  for (const [what, pattern] of LEAKS) {
    expect(pattern.exec(body)?.[0] ?? null, `${at}: ${what} in the body`).toBeNull();
  }
}
