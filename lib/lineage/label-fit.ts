import { ellipsize } from "./layout-labels";

// Names on the lineage canvas, fitted to their boxes with as few text
// measurements as possible: each name's full width is measured once per font
// (most names fit their box, and then zooming measures nothing), and the
// shortened form of a name that does not fit is kept for one font and width
// bucket, so panning reuses it. Pure (the measuring is passed in), unit-tested;
// components/lineage/draw-labels.ts draws with it.

/** Kept by the canvas between frames. */
export interface LabelCache {
  /** Font and width bucket the shortened names were made for. */
  key: string;
  /** Shortened names by name; a name on a down node (less room) is prefixed with "!". */
  texts: Map<string, string>;
  font: string;
  /** Full widths by text (names, glyphs), in `font`. */
  widths: Map<string, number>;
}

export const newLabelCache = (): LabelCache => ({
  key: "",
  texts: new Map(),
  font: "",
  widths: new Map(),
});

/**
 * A fitter for one frame: `font` is the context's font, `bucket` the box width
 * the names are fitted to (a change of either starts the matching cache over).
 */
export function labelFitter(
  cache: LabelCache,
  font: string,
  bucket: number,
  measure: (text: string) => number,
) {
  if (cache.font !== font) {
    cache.font = font;
    cache.widths.clear();
  }
  const key = `${font}|${bucket}`;
  if (cache.key !== key) {
    cache.key = key;
    cache.texts.clear();
  }
  const width = (text: string) => {
    let px = cache.widths.get(text);
    if (px === undefined) {
      px = measure(text);
      cache.widths.set(text, px);
    }
    return px;
  };
  return {
    width,
    /** `name` as drawn within maxPx: whole when it fits, else shortened with an ellipsis. */
    fitName(name: string, maxPx: number, down: boolean): string {
      if (width(name) <= maxPx) return name;
      const slot = down ? `!${name}` : name;
      let text = cache.texts.get(slot);
      if (text === undefined) {
        text = ellipsize(name, maxPx, measure);
        cache.texts.set(slot, text);
      }
      return text;
    },
  };
}
