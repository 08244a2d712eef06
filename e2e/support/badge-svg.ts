import { type APIRequestContext, expect, type Page } from "@playwright/test";

// Served badge bytes checked as SVG in the browser, shared by the badge specs
// (e2e/badges.spec.ts reads, e2e/badges-location.spec.ts breaks a location).

export interface ParsedBadge {
  parseError: string | null;
  root: string;
  width: number;
  height: number;
  viewBox: string | null;
  title: string | null;
  ariaLabel: string | null;
  label: string;
  message: string;
}

/** Parses served bytes as XML in the browser, as an <img> or a wiki would. */
export async function parseSvg(page: Page, svg: string): Promise<ParsedBadge> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    const shown = [...root.querySelectorAll("text:not([aria-hidden])")].map((t) => t.textContent);
    return {
      parseError: doc.querySelector("parsererror")?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      viewBox: root.getAttribute("viewBox"),
      title: root.querySelector(":scope > title")?.textContent ?? null,
      ariaLabel: root.getAttribute("aria-label"),
      label: shown[0] ?? "",
      message: shown[1] ?? "",
    };
  }, svg);
}

export async function fetchBadge(page: Page, request: APIRequestContext, url: string) {
  const res = await request.get(url);
  const body = await res.text();
  const parsed = await parseSvg(page, body);
  expect(parsed.parseError, `${url} parses as SVG`).toBeNull();
  expect(parsed.root).toBe("svg");
  expect(parsed.height).toBe(20);
  expect(parsed.width).toBeGreaterThan(0);
  expect(parsed.viewBox).toBe(`0 0 ${parsed.width} 20`);
  // The title is the label and the message, or, for an asset badge, the label and the reason
  // (which starts with the same health word: "degraded: check … failed (ERROR)").
  const word = parsed.message.split(/[ ·:]/)[0] ?? "";
  expect(parsed.title?.startsWith(`${parsed.label}: ${word}`), parsed.title ?? "").toBe(true);
  expect(parsed.ariaLabel).toBe(parsed.title);
  expect(res.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  return { res, body, ...parsed };
}
