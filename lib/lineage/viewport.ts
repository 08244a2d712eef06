// The lineage canvas's viewport as it travels in the URL (?x=&y=&zoom=), so a
// pasted link opens the same view. Pure and browser-safe: no React, no DOM.
//
// x and y are the world point at the centre of the canvas, not a pixel offset:
// the same link then shows the same place on a phone and on a wide screen.

export interface Viewport {
  /** World coordinates of the canvas centre. */
  x: number;
  y: number;
  /** Screen pixels per world unit. */
  zoom: number;
}

export const MIN_ZOOM = 0.005;
export const MAX_ZOOM = 4;
/** World coordinates beyond this are not a graph Healthboard lays out (25k assets stay far below). */
const MAX_COORD = 10_000_000;
export const VIEWPORT_PARAMS = ["x", "y", "zoom"] as const;

export const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

const finiteIn = (v: number, lo: number, hi: number) => Number.isFinite(v) && v >= lo && v <= hi;

/** A number as the URL spells it; empty and whitespace are not zero. */
const parseNumber = (raw: string) =>
  /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;

export interface ParsedViewport {
  viewport: Viewport | null;
  /** Fixed sentences naming what was ignored, never echoing the values. */
  problems: string[];
}

/** The viewport in the URL, or null (fit the graph) when absent or invalid. */
export function parseViewport(params: URLSearchParams): ParsedViewport {
  const raw = VIEWPORT_PARAMS.map((k) => params.get(k));
  if (raw.every((v) => v === null)) return { viewport: null, problems: [] };
  const ignored = "Ignored the viewport (x, y, zoom)";
  if (raw.some((v) => v === null)) {
    return { viewport: null, problems: [`${ignored}: it needs all three; fitting the graph.`] };
  }
  const [x, y, zoom] = raw.map((v) => parseNumber(v as string)) as [number, number, number];
  if (!finiteIn(x, -MAX_COORD, MAX_COORD) || !finiteIn(y, -MAX_COORD, MAX_COORD)) {
    return {
      viewport: null,
      problems: [`${ignored}: x and y must be numbers within ±${MAX_COORD}; fitting the graph.`],
    };
  }
  if (!finiteIn(zoom, MIN_ZOOM, MAX_ZOOM)) {
    return {
      viewport: null,
      problems: [`${ignored}: zoom must be from ${MIN_ZOOM} to ${MAX_ZOOM}; fitting the graph.`],
    };
  }
  return { viewport: { x, y, zoom }, problems: [] };
}

/**
 * Sets (or, for null, removes) the viewport parameters on a copy of `params`.
 * Rounded so the URL stays short: whole world units, zoom to 4 significant digits.
 */
export function withViewport(params: URLSearchParams, viewport: Viewport | null): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const k of VIEWPORT_PARAMS) out.delete(k);
  if (viewport) {
    out.set("x", String(Math.round(viewport.x)));
    out.set("y", String(Math.round(viewport.y)));
    out.set("zoom", String(Number(clampZoom(viewport.zoom).toPrecision(4))));
  }
  return out;
}

/** The canvas transform (screen = world * scale + t) that puts the viewport's centre mid-canvas. */
export function viewportToTransform(v: Viewport, w: number, h: number) {
  return { scale: v.zoom, tx: w / 2 - v.x * v.zoom, ty: h / 2 - v.y * v.zoom };
}

export function transformToViewport(
  t: { scale: number; tx: number; ty: number },
  w: number,
  h: number,
): Viewport {
  return { x: (w / 2 - t.tx) / t.scale, y: (h / 2 - t.ty) / t.scale, zoom: t.scale };
}
