import { describe, expect, it } from "vitest";
import { BADGE_COLORS, escapeXml, MAX_TEXT, renderBadge, truncate } from "./badge-svg";
import { FALLBACK_WIDTH, textWidth } from "./text-width";

const attr = (svg: string, name: string) =>
  svg.match(new RegExp(`<svg[^>]* ${name}="([^"]*)"`))?.[1];
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("textWidth", () => {
  it("sums the per-character table, wide letters wider than narrow ones", () => {
    expect(textWidth("")).toBe(0);
    expect(textWidth("0123")).toBe(28);
    expect(textWidth("WWW")).toBeGreaterThan(textWidth("iii") * 3);
  });

  it("counts characters outside the table at the widest width, per code point", () => {
    expect(textWidth("中")).toBe(FALLBACK_WIDTH);
    expect(textWidth("😀")).toBe(FALLBACK_WIDTH); // one surrogate pair, one glyph
  });
});

describe("escapeXml", () => {
  it("escapes markup and both quotes", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
  });

  it("drops characters XML cannot carry at all and folds line breaks", () => {
    expect(escapeXml("a\u0000b\u001bc\uFFFEd\uD800e")).toBe("abcde");
    expect(escapeXml("one\r\ntwo\tthree")).toBe("one two three");
  });
});

describe("truncate", () => {
  it("ends cut text in an ellipsis without splitting a surrogate pair", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abcd", 4)).toBe("abcd");
    expect([...truncate("😀😀😀😀😀", 3)]).toEqual(["😀", "😀", "…"]);
  });
});

describe("renderBadge", () => {
  it("draws a two-part badge whose width is the two texts plus padding", () => {
    const svg = renderBadge({ label: "ML Platform", message: "2 degraded", color: "degraded" });
    const width = Number(attr(svg, "width"));
    expect(width).toBe(
      Math.ceil(textWidth("ML Platform") + 10) + Math.ceil(textWidth("2 degraded") + 10),
    );
    expect(attr(svg, "height")).toBe("20");
    expect(attr(svg, "viewBox")).toBe(`0 0 ${width} 20`);
    expect(attr(svg, "role")).toBe("img");
    expect(attr(svg, "aria-label")).toBe("ML Platform: 2 degraded");
    expect(svg).toContain("<title>ML Platform: 2 degraded</title>");
    expect(svg).toContain(`fill="${BADGE_COLORS.degraded}"`);
    expect(svg).toContain('rx="3"');
    expect(texts(svg)).toEqual(["ML Platform", "ML Platform", "2 degraded", "2 degraded"]);
  });

  it("fits each text to the width it was given with textLength", () => {
    const svg = renderBadge({ label: "analytics", message: "healthy", color: "healthy" });
    const lengths = [...svg.matchAll(/textLength="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(lengths).toEqual([
      textWidth("analytics"),
      textWidth("analytics"),
      textWidth("healthy"),
      textWidth("healthy"),
    ]);
  });

  it("never reflects markup from its inputs", () => {
    const svg = renderBadge({
      label: '<script>alert(1)</script>"',
      message: "x' onload='alert(1)",
      color: "unknown",
    });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("' onload='");
    expect(svg).toContain("&lt;script&gt;");
    // One element of each kind we emit, none injected.
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg.match(/<title>/g)).toHaveLength(1);
  });

  it("caps long labels, so a hostile ?label= cannot make a huge image", () => {
    const svg = renderBadge({ label: "x".repeat(5_000), message: "ok", color: "healthy" });
    const label = texts(svg)[0] ?? "";
    expect([...label]).toHaveLength(MAX_TEXT);
    expect(label.endsWith("…")).toBe(true);
    expect(Number(attr(svg, "width"))).toBeLessThan(500);
  });

  it("draws flat-square without rounded corners or gradient", () => {
    const svg = renderBadge({ label: "a", message: "b", color: "warning", style: "flat-square" });
    expect(svg).toContain('rx="0"');
    expect(svg).not.toContain("linearGradient");
    expect(svg).toContain(BADGE_COLORS.warning);
  });
});

describe("renderBadge ids", () => {
  it("gives different badges different gradient and clip ids, so they can share an HTML page", () => {
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const a = renderBadge({ label: "a", message: "healthy", color: "healthy" });
    const b = renderBadge({ label: "b", message: "healthy", color: "healthy" });
    expect(ids(a)).toHaveLength(2);
    expect(ids(a).some((id) => ids(b).includes(id))).toBe(false);
    for (const id of ids(a)) expect(a).toContain(`url(#${id})`);
  });
});
