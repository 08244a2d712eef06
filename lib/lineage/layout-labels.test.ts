import { describe, expect, it } from "vitest";
import { LAYOUT } from "./layout-constants";
import {
  COARSE_BELOW,
  defaultTransform,
  drawGroupLabel,
  ellipsize,
  fitVisible,
  LEGIBLE_FIT_MAX_NODES,
  LEGIBLE_ZOOM,
  labelFontPx,
  MIN_LABEL_PX,
} from "./layout-labels";

// A monospace stand-in for canvas measureText: 6 px per character.
const mono = (s: string) => s.length * 6;

describe("labelFontPx (label level of detail)", () => {
  it("draws no label while a node box is too small to hold readable text", () => {
    expect(labelFontPx(COARSE_BELOW)).toBe(0);
    expect(labelFontPx(0.05)).toBe(0);
  });

  it("draws labels at a readable size from LEGIBLE_ZOOM on", () => {
    expect(labelFontPx(LEGIBLE_ZOOM)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    expect(labelFontPx(LEGIBLE_ZOOM - 0.02)).toBe(0);
  });

  it("never lets the text outgrow its box, however far in", () => {
    for (const scale of [0.7, 1, 2, 4]) {
      const px = labelFontPx(scale);
      expect(px).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      expect(px).toBeLessThan(LAYOUT.nodeH * scale);
    }
    expect(labelFontPx(4)).toBe(labelFontPx(2));
  });
});

describe("drawGroupLabel", () => {
  it("names a band only when it is wide enough on screen", () => {
    expect(drawGroupLabel(1000, 0.01)).toBe(false);
    expect(drawGroupLabel(1000, 0.1)).toBe(true);
  });
});

describe("ellipsize", () => {
  it("keeps a name that fits", () => {
    expect(ellipsize("orders", 100, mono)).toBe("orders");
  });

  it("shortens with an ellipsis to the longest prefix that fits", () => {
    const out = ellipsize("recommendation_model", 60, mono);
    expect(out.endsWith("…")).toBe(true);
    expect(mono(out)).toBeLessThanOrEqual(60);
    expect(mono(`${"recommendation_model".slice(0, out.length)}…`)).toBeGreaterThan(60);
    expect("recommendation_model".startsWith(out.slice(0, -1))).toBe(true);
  });

  it("gives nothing when not even one character and the ellipsis fit", () => {
    expect(ellipsize("abc", 8, mono)).toBe("");
  });
});

describe("defaultTransform (the first view)", () => {
  const screen = { w: 1000, h: 500 };
  const onScreen = (t: { scale: number; tx: number }, x: number) => x * t.scale + t.tx;

  it("fits a graph that is readable when fitted whole, centred", () => {
    const b = { x0: 0, y0: 0, x1: 500, y1: 200 };
    const t = defaultTransform(b, 5, screen.w, screen.h);
    expect(labelFontPx(t.scale)).toBeGreaterThan(0);
    expect(onScreen(t, b.x0)).toBeCloseTo(screen.w - onScreen(t, b.x1));
  });

  it("opens a small graph too big to fit readably at a readable zoom, from its top-left", () => {
    const b = { x0: -12, y0: 0, x1: 1200, y1: 1400 };
    const t = defaultTransform(b, 15, screen.w, screen.h);
    expect(labelFontPx(t.scale)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    expect(onScreen(t, b.x0)).toBeGreaterThanOrEqual(0);
    expect(b.y0 * t.scale + t.ty).toBeGreaterThanOrEqual(0);
  });

  it("fits a huge graph whole: group names instead of asset names", () => {
    const b = { x0: 0, y0: 0, x1: 20_000, y1: 80_000 };
    const t = defaultTransform(b, LEGIBLE_FIT_MAX_NODES + 1, screen.w, screen.h);
    expect(labelFontPx(t.scale)).toBe(0);
    expect(b.y1 * t.scale + t.ty).toBeLessThanOrEqual(screen.h);
    expect(b.y0 * t.scale + t.ty).toBeGreaterThanOrEqual(0);
  });
});

describe("fitVisible (the first view of what is shown)", () => {
  const pos = { x: [0, 300, 5_000], y: [0, 100, 9_000] };

  it("frames the visible nodes' boxes only", () => {
    const t = fitVisible(pos, Uint8Array.from([1, 1, 0]), 1000, 500);
    const expected = defaultTransform(
      { x0: 0, y0: 0, x1: 300 + LAYOUT.nodeW, y1: 100 + LAYOUT.nodeH },
      2,
      1000,
      500,
    );
    expect(t).toEqual(expected);
  });

  it("has no view when nothing is visible", () => {
    expect(fitVisible(pos, new Uint8Array(3), 1000, 500)).toBeNull();
  });
});
