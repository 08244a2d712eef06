import { decodeGraph, parseView } from "@/lib/lineage/graph-view";
import { newLabelCache } from "@/lib/lineage/label-fit";
import { buildGraphSpatial } from "@/lib/lineage/scene-culling";
import { parseViewport } from "@/lib/lineage/viewport";
import { fetchGraph, inlineGraph, offerFirstGraph } from "@/lib/queries/graph-fetch";
import { drawFrame, drawsDark } from "./draw-frame";
import { firstTransform, sceneInputs } from "./scene-inputs";

// The lineage page's first frame, drawn before React has loaded. The page's
// scripts (React, Next, the page: 175 kB) take most of half a second to load,
// run and hydrate even on a quiet machine, and only then could the canvas draw.
// This script is small and sits in the document right after the page's shell:
// it reads the graph from the document (a small one, lib/lineage/inline-graph.ts)
// or asks for it, draws
// the view the URL names into the shell's canvas as soon as it is in, and
// leaves its request for the page's query, which takes it over
// (lib/queries/graph-fetch.ts). The frame is drawn by the same code as every
// later one (draw-frame.ts, scene-inputs.ts), so React's first frame draws the
// same pixels over it. Bundled on its own by scripts/build-first-frame.mjs.

/** The page's canvas before React renders it: the shell's (components/lineage/lineage-shell.tsx). */
const SHELL_CANVAS = "canvas[data-first-frame]";

// For bench/lineage-profile.mjs: when this script ran and when the graph was in.
performance.mark("hb-first-frame-script");
const params = new URLSearchParams(window.location.search);
// The environment as the page names it in its links (none for the default, so
// `?env=prod` and no parameter are one request): the page's preload and React's
// query ask for that URL, and this fetch must be the same one to take either's place.
const named = document.currentScript?.getAttribute("data-env");
const env = typeof named === "string" ? named || undefined : (params.get("env") ?? undefined);
// A small graph is in the document (lib/lineage/inline-graph.ts): no request, and no wait.
const inlined = inlineGraph();
const graph = inlined ? Promise.resolve(inlined) : fetchGraph(env);
offerFirstGraph(env, graph);

// The shell comes before this script in the document; elsewhere, wait for the whole document.
const shellParsed = new Promise<void>((resolve) => {
  if (document.querySelector(SHELL_CANVAS) || document.readyState !== "loading") resolve();
  else document.addEventListener("DOMContentLoaded", () => resolve(), { once: true });
});

Promise.all([graph, shellParsed])
  .then(([payload]) => {
    performance.mark("hb-first-frame-graph");
    const canvas = document.querySelector<HTMLCanvasElement>(SHELL_CANVAS);
    // React got there first (it drew, or the page is another one): nothing to do.
    if (!canvas || window.__hbGraphPainted !== undefined) return;
    const decoded = decodeGraph(payload);
    const scene = sceneInputs(decoded, parseView(params));
    const at = firstTransform(
      decoded,
      scene.visible,
      parseViewport(params).viewport,
      canvas.clientWidth,
      canvas.clientHeight,
    );
    if (!at) return;
    drawFrame(
      canvas,
      {
        graph: decoded,
        ...scene,
        dark: drawsDark(canvas),
        labelCache: newLabelCache(),
        spatial: buildGraphSpatial(payload),
        bitmap: { current: null },
      },
      at,
    );
  })
  .catch(() => undefined); // the page's query asks again and reports what failed
