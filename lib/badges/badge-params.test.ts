import { describe, expect, it } from "vitest";
import { assetBadgeQuerySchema, badgeQuerySchema, parseBadgeQuery, stripSvg } from "./badge-params";

const url = (q: string) => `http://x/badge/team/ml.svg${q}`;

describe("badge parameters", () => {
  it("takes a label and a style, flat by default, and ignores cache-busters", () => {
    expect(parseBadgeQuery(badgeQuerySchema, url(""))).toEqual({
      ok: true,
      value: { style: "flat" },
    });
    expect(parseBadgeQuery(badgeQuerySchema, url("?label=ML&style=flat-square&v=2"))).toEqual({
      ok: true,
      value: { label: "ML", style: "flat-square" },
    });
  });

  it("names the bad parameter, never echoing its value", () => {
    expect(parseBadgeQuery(badgeQuerySchema, url("?style=<b>"))).toEqual({
      ok: false,
      param: "style",
    });
    expect(parseBadgeQuery(badgeQuerySchema, url(`?label=${"x".repeat(101)}`))).toEqual({
      ok: false,
      param: "label",
    });
    expect(parseBadgeQuery(badgeQuerySchema, url("?label="))).toEqual({
      ok: false,
      param: "label",
    });
  });

  it("accepts ?deployment= on asset badges only", () => {
    expect(parseBadgeQuery(assetBadgeQuerySchema, url("?deployment=prod"))).toMatchObject({
      ok: true,
      value: { deployment: "prod" },
    });
    expect(parseBadgeQuery(badgeQuerySchema, url("?deployment=prod"))).toEqual({
      ok: true,
      value: { style: "flat" },
    });
  });

  it("requires the .svg suffix", () => {
    expect(stripSvg("ml.svg")).toBe("ml");
    expect(stripSvg("a.b.svg")).toBe("a.b");
    expect(stripSvg("ml")).toBeNull();
    expect(stripSvg(".svg")).toBeNull();
  });

  it("shows overall health by default, freshness on ?show=freshness, and refuses other values", () => {
    const asset = (q: string) => `http://x/badge/asset/churn_model.svg${q}`;
    expect(parseBadgeQuery(assetBadgeQuerySchema, asset(""))).toMatchObject({
      ok: true,
      value: { show: "health" },
    });
    expect(parseBadgeQuery(assetBadgeQuerySchema, asset("?show=freshness"))).toMatchObject({
      ok: true,
      value: { show: "freshness" },
    });
    expect(parseBadgeQuery(assetBadgeQuerySchema, asset("?show=<b>"))).toEqual({
      ok: false,
      param: "show",
    });
  });
});
