// Bundles the lineage page's first-frame script (components/lineage/first-frame.ts)
// into public/_hb/, where the page asks for it (app/(site)/lineage/page.tsx).
// Run by `npm run build` before `next build`: it is a plain script, outside
// Next's bundles, so that it loads and runs before them.
import { build } from "esbuild";

await build({
  entryPoints: ["components/lineage/first-frame.ts"],
  outfile: "public/_hb/lineage-first-frame.js",
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2022",
  platform: "browser",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
  legalComments: "none",
});
