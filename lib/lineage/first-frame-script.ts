import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

// The lineage page's first-frame script (components/lineage/first-frame.ts),
// as `npm run build` bundled it (scripts/build-first-frame.mjs). The page puts
// it in its document: a script of its own would wait for a connection behind
// Next's 14 chunks and the stylesheet (Chromium opens 6 per host), which on a
// cold load held it back by hundreds of milliseconds.

const BUILT = "public/_hb/lineage-first-frame.js";
let source: string | null | undefined;

/** The script's code, safe inside a <script> element; null when it was not built (React then draws first). */
export function firstFrameScript(): string | null {
  if (source === undefined) {
    try {
      source = readFileSync(path.join(process.cwd(), BUILT), "utf8").replaceAll(
        "</script",
        "<\\/script",
      );
    } catch {
      source = null;
      console.warn(
        `healthboard: ${BUILT} is missing (run \`npm run build\`); lineage draws after hydration`,
      );
    }
  }
  return source;
}
