// The lineage graph's visual vocabulary, shared by the canvas and its legend so
// the two cannot drift. Colours from the Okabe-Ito palette (safe for the common
// colour-vision deficiencies), each paired with a glyph or a dash pattern so
// nothing is told by colour alone.

export const HEALTH_STYLE = {
  H: { label: "Healthy", color: "#009E73", glyph: "✓" },
  W: { label: "Warning", color: "#E69F00", glyph: "!" },
  D: { label: "Degraded", color: "#D55E00", glyph: "✕" },
  U: { label: "Unknown", color: "#8C8C8C", glyph: "?" },
  S: { label: "Undefined (defined nowhere)", color: "#C8C8C8", glyph: "–" },
} as const;
export type HealthCode = keyof typeof HEALTH_STYLE;
export const healthStyle = (code: string | undefined) =>
  HEALTH_STYLE[(code ?? "U") as HealthCode] ?? HEALTH_STYLE.U;

/** Edge kinds: flags bit 0 cross-location, bit 1 cross-deployment (lib/api/graph-payload). */
export const EDGE_STYLE = [
  { label: "Same location", light: "#cbd5e1", dark: "#475569", dash: [] as number[], width: 1 },
  { label: "Cross-location", light: "#0072B2", dark: "#56B4E9", dash: [7, 4], width: 1.6 },
  { label: "Cross-deployment", light: "#CC79A7", dark: "#CC79A7", dash: [1.5, 3.5], width: 2.4 },
] as const;

/** Rings for the selected asset's impact: neither the edges' hues nor their dashes. */
export const RING_STYLE = {
  blast: { label: "Blast radius (downstream)", light: "#111827", dark: "#f8fafc", dash: [5, 3] },
  root: { label: "Root cause (upstream)", light: "#D55E00", dark: "#F0A060", dash: [] as number[] },
} as const;
export type RingKind = keyof typeof RING_STYLE;

export const SELECTED_COLOR = "#2563eb";
export const DOWN_STYLE = { label: "Location down (last known)", hatch: "#64748b", marker: "⚠" };
