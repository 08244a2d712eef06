// Bundles the lineage page's first-frame script (components/lineage/first-frame.ts)
// into public/_hb/, from where the lineage page reads it into its document
// (lib/lineage/first-frame-script.ts). Run by `npm run build` before
// `next build`: a plain script, outside Next's bundles, so it runs before them.
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
