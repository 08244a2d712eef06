import { describe, expect, it } from "vitest";
import { freshnessWords } from "./freshness-words";
import { mdCode, mdText } from "./markdown-escape";

describe("mdText", () => {
  it("backslash-escapes Markdown syntax and HTML, and folds newlines", () => {
    expect(mdText("*bold* _em_ [l](u) <b>&amp; a|b `c`")).toBe(
      "\\*bold\\* \\_em\\_ \\[l\\]\\(u\\) \\<b\\>\\&amp; a\\|b \\`c\\`",
    );
    expect(mdText("one\n\ntwo\r\n")).toBe("one two");
  });
});

describe("mdCode", () => {
  it("fences with more backticks than the text holds, padding edge backticks", () => {
    expect(mdCode("plain")).toBe("`plain`");
    expect(mdCode("a`b")).toBe("``a`b``");
    expect(mdCode("`x``")).toBe("``` `x`` ```");
    expect(mdCode("a|b\nc")).toBe("`a\\|b c`");
    expect(mdCode("")).toBe("");
  });
});

describe("freshnessWords", () => {
  it("puts time windows and cron deadlines in words", () => {
    expect(freshnessWords(null)).toBe("none");
    expect(
      freshnessWords({ kind: "time-window", failWindowSeconds: 21_600, warnWindowSeconds: 10_800 }),
    ).toBe("fresh within 6 h; warn after 3 h");
    expect(
      freshnessWords({ kind: "time-window", failWindowSeconds: 5_400, warnWindowSeconds: null }),
    ).toBe("fresh within 90 min");
    expect(
      freshnessWords({
        kind: "cron",
        deadlineCron: "0 9 * * *",
        lowerBoundDeltaSeconds: 3600,
        timezone: "UTC",
      }),
    ).toBe("updated in the 1 h before each 0 9 * * * deadline (UTC)");
  });
});
