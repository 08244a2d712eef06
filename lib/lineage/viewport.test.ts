import { describe, expect, it } from "vitest";
import {
  MAX_ZOOM,
  MIN_ZOOM,
  parseViewport,
  transformToViewport,
  viewportToTransform,
  withViewport,
} from "./viewport";

const parse = (q: string) => parseViewport(new URLSearchParams(q));

describe("parseViewport", () => {
  it("reads x, y and zoom together", () => {
    expect(parse("x=120&y=-40.5&zoom=0.8")).toEqual({
      viewport: { x: 120, y: -40.5, zoom: 0.8 },
      problems: [],
    });
  });

  it("is silent when the URL has no viewport", () => {
    expect(parse("focus=a&depth=2")).toEqual({ viewport: null, problems: [] });
  });

  it.each([
    ["x=1&y=2", "needs all three"],
    ["x=abc&y=2&zoom=1", "x and y must be numbers"],
    ["x=&y=2&zoom=1", "x and y must be numbers"],
    ["x=Infinity&y=2&zoom=1", "x and y must be numbers"],
    ["x=1e9&y=2&zoom=1", "x and y must be numbers"],
    ["x=1&y=2&zoom=0", "zoom must be from"],
    ["x=1&y=2&zoom=99", "zoom must be from"],
    ["x=1&y=2&zoom=-1", "zoom must be from"],
  ])("ignores %s with a note and fits instead", (q, note) => {
    const { viewport, problems } = parse(q);
    expect(viewport).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(note);
  });

  it("never repeats the raw value in its note", () => {
    const { problems } = parse("x=%3Cscript%3E&y=1&zoom=1");
    expect(problems.join(" ")).not.toContain("<script>");
  });

  it("accepts the zoom limits themselves", () => {
    expect(parse(`x=0&y=0&zoom=${MIN_ZOOM}`).viewport?.zoom).toBe(MIN_ZOOM);
    expect(parse(`x=0&y=0&zoom=${MAX_ZOOM}`).viewport?.zoom).toBe(MAX_ZOOM);
  });
});

describe("withViewport", () => {
  it("round-trips through the URL, rounded to whole world units", () => {
    const params = withViewport(new URLSearchParams("focus=a"), {
      x: 10.4,
      y: -3.6,
      zoom: 0.71234,
    });
    expect(params.get("focus")).toBe("a");
    expect(parseViewport(params).viewport).toEqual({ x: 10, y: -4, zoom: 0.7123 });
  });

  it("removes the viewport for null, leaving the rest", () => {
    const params = withViewport(new URLSearchParams("team=ml&x=1&y=2&zoom=1"), null);
    expect(params.toString()).toBe("team=ml");
  });

  it("does not change the parameters it was given", () => {
    const given = new URLSearchParams("team=ml");
    withViewport(given, { x: 1, y: 2, zoom: 1 });
    expect(given.toString()).toBe("team=ml");
  });
});

describe("viewport and canvas transform", () => {
  it("puts the viewport's point in the middle of any canvas", () => {
    for (const [w, h] of [
      [390, 500],
      [1600, 900],
    ] as const) {
      const t = viewportToTransform({ x: 300, y: 80, zoom: 2 }, w, h);
      expect(300 * t.scale + t.tx).toBeCloseTo(w / 2);
      expect(80 * t.scale + t.ty).toBeCloseTo(h / 2);
    }
  });

  it("reads back the viewport a transform shows", () => {
    const t = { scale: 0.5, tx: -120, ty: 33 };
    const back = viewportToTransform(transformToViewport(t, 800, 600), 800, 600);
    expect(back.scale).toBeCloseTo(t.scale);
    expect(back.tx).toBeCloseTo(t.tx);
    expect(back.ty).toBeCloseTo(t.ty);
  });
});
