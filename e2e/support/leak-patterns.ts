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

/** What leaked, one "<what>: <match>" per sign found; empty when nothing did. */
export function leaksIn(body: string): string[] {
  const found: string[] = [];
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(body)?.[0];
    if (match !== undefined) found.push(`${what} in the body: ${match.slice(0, 120)}`);
  }
  return found;
}

/** Fails, naming what leaked, when the body shows a stack trace or Healthboard's own files. */
export function expectNoLeaks(body: string, at: string): void {
  expect(leaksIn(body), at).toEqual([]);
}
