import { textWidth } from "./text-width";

// Flat two-part badges in the shields.io look: grey label, coloured message.
// Pure: text in, SVG text out. Every piece of text is XML-escaped here, so
// callers may pass anything, including what a URL said.

export type BadgeColor = "healthy" | "warning" | "degraded" | "unknown" | "inactive";
export type BadgeStyle = "flat" | "flat-square";

/** Dagster's health colours (app/globals.css @theme, oklch) as hex, for SVG viewers without oklch. */
export const BADGE_COLORS: Record<BadgeColor, string> = {
  healthy: "#1fa04e",
  warning: "#e49e22",
  degraded: "#d73337",
  unknown: "#79818d",
  // Nothing to judge (no policy): lighter than "unknown", as shields' lightgrey.
  inactive: "#9f9f9f",
};

const LABEL_COLOR = "#555";
const HEIGHT = 20;
const PADDING = 5;
/** Longest label or message drawn; longer text ends in "…" (the <title> keeps it whole up to MAX_TITLE). */
export const MAX_TEXT = 48;
const MAX_TITLE = 200;

export interface Badge {
  label: string;
  message: string;
  color: BadgeColor;
  style?: BadgeStyle;
  /** Why, for the <title> tooltip and aria-label in place of the message (it says more). */
  reason?: string;
}

/**
 * Drops what XML 1.0 forbids even as a character reference (C0 controls other
 * than tab, LF and CR; U+FFFE, U+FFFF; lone surrogates), which would make the
 * whole document unparsable.
 */
function xmlChars(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
    const lone = c >= 0xd800 && c <= 0xdfff; // a pair arrives as one code point
    if (!control && !lone && c !== 0xfffe && c !== 0xffff) out += ch;
  }
  return out;
}

/** Escapes text for XML content and attribute values (either quote). */
export function escapeXml(text: string): string {
  return xmlChars(text)
    .replace(/[\t\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Caps text at `max` code points, ending it in "…" when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

function textPair(text: string, centre: number, width: number): string {
  const t = escapeXml(text);
  const common = `x="${fmt(centre)}" textLength="${fmt(width)}" lengthAdjust="spacingAndGlyphs"`;
  return (
    `<text aria-hidden="true" ${common} y="15" fill="#010101" fill-opacity=".3">${t}</text>` +
    `<text ${common} y="14">${t}</text>`
  );
}

/**
 * A short id suffix from the badge's content: badges inlined side by side in
 * one HTML page must not share gradient and clip ids (identical badges may).
 */
function idSuffix(text: string): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Renders a badge as a standalone SVG document. */
export function renderBadge(badge: Badge): string {
  const label = truncate(badge.label, MAX_TEXT) || " ";
  const message = truncate(badge.message, MAX_TEXT) || " ";
  const labelText = textWidth(label);
  const messageText = textWidth(message);
  const labelWidth = Math.ceil(labelText + 2 * PADDING);
  const messageWidth = Math.ceil(messageText + 2 * PADDING);
  const width = labelWidth + messageWidth;
  const title = escapeXml(truncate(`${badge.label}: ${badge.reason ?? badge.message}`, MAX_TITLE));
  const flat = (badge.style ?? "flat") === "flat";
  const color = BADGE_COLORS[badge.color];
  const id = idSuffix(`${label}\u0000${message}\u0000${color}\u0000${flat}`);
  const gradient = flat
    ? `<linearGradient id="s${id}" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`
    : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    gradient,
    `<clipPath id="r${id}"><rect width="${width}" height="${HEIGHT}" rx="${flat ? 3 : 0}" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r${id})">`,
    `<rect width="${labelWidth}" height="${HEIGHT}" fill="${LABEL_COLOR}"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${color}"/>`,
    flat ? `<rect width="${width}" height="${HEIGHT}" fill="url(#s${id})"/>` : "",
    "</g>",
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="11">`,
    textPair(label, labelWidth / 2, labelText),
    textPair(message, labelWidth + messageWidth / 2, messageText),
    "</g>",
    "</svg>",
  ].join("");
}
