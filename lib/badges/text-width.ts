// Text widths for badge layout, without a font at hand on the server.
//
// Advance widths in px at 11px, measured with canvas measureText in Chromium
// for "11px Verdana, DejaVu Sans" (DejaVu Sans here; Verdana's are within a
// few percent, both being wide screen faces). The SVG also sets textLength, so
// a viewer with a narrower or wider font still fits the text to its box.

const ASCII_WIDTHS =
  // " " to "~", in code point order (95 entries, 16 a line).
  "3.5 4.41 5.06 9.22 7 10.45 8.58 3.02 4.29 4.29 5.5 9.22 3.5 3.97 3.5 3.71 " +
  "7 7 7 7 7 7 7 7 7 7 3.71 3.71 9.22 9.22 9.22 5.84 " +
  "11 7.52 7.55 7.68 8.47 6.95 6.33 8.52 8.27 3.24 3.24 7.21 6.13 9.49 8.23 8.66 " +
  "6.63 8.66 7.64 6.98 6.72 8.05 7.52 10.88 7.54 6.72 7.54 4.29 3.71 4.29 9.22 5.5 " +
  "5.5 6.74 6.98 6.05 6.98 6.77 3.87 6.98 6.97 3.06 3.06 6.37 3.06 10.72 6.97 6.73 " +
  "6.98 6.98 4.52 5.73 4.31 6.97 6.51 9 6.51 6.51 5.77 7 3.71 7 9.22";

const TABLE: readonly number[] = ASCII_WIDTHS.split(" ").map(Number);

const EXTRA: Record<string, number> = { "·": 3.5, "…": 11, "—": 11, "–": 7 };

/** The widest glyph of the table: a safe guess for anything it does not list (CJK, emoji). */
export const FALLBACK_WIDTH = 11;

/** Estimated width in px of `text` at 11px Verdana / DejaVu Sans. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += (code >= 32 && code < 127 ? TABLE[code - 32] : EXTRA[ch]) ?? FALLBACK_WIDTH;
  }
  return Math.round(width * 10) / 10;
}
