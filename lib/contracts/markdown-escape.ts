// Escaping for Markdown table cells (CommonMark + GFM tables). Asset keys,
// owners and error text come from other teams' code: none of it may break a
// table, open a code span, or become HTML on a wiki page.

/** Plain text in a table cell: every character Markdown could read as syntax is backslash-escaped. */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|~&#!()]/g, (ch) => `\\${ch}`);
}

/**
 * Text as a code span in a table cell: shown literally (no emphasis, no HTML),
 * with a fence longer than any backtick run inside. Pipes still need escaping,
 * since GFM splits cells before it reads code spans.
 */
export function mdCode(text: string): string {
  const body = text.replace(/\s+/g, " ").trim().replace(/\|/g, "\\|");
  if (body === "") return "";
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A GFM table; cells are expected to be escaped already. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
