// Scans served bytes for a secret in every form it could leak in: plain,
// URL-encoded, JSON \u-escaped, hex, and base64/base64url at each of the three
// alignments it can take inside a longer base64 string (an encoded
// "Bearer <token>" header, say).

export interface Needle {
  form: string;
  bytes: Buffer;
}

/** The base64 characters fixed by the secret alone, when it starts `offset` bytes into a 3-byte group. */
function base64Core(secret: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), secret]).toString("base64");
  const start = [0, 2, 3][offset] as number;
  const end = Math.floor((offset + secret.length) / 3) * 4;
  return encoded.slice(start, end);
}

export function needlesFor(secret: string): Needle[] {
  const raw = Buffer.from(secret, "utf8");
  const forms: [string, string][] = [
    ["plain", secret],
    ["url-encoded", encodeURIComponent(secret)],
    ["fully percent-encoded", [...raw].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")],
    ["JSON-escaped", JSON.stringify(secret).slice(1, -1)],
    [
      "JSON \\u-escaped",
      [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    ],
    ["hex", raw.toString("hex")],
  ];
  for (const offset of [0, 1, 2]) {
    const core = base64Core(raw, offset);
    forms.push([`base64@${offset}`, core]);
    forms.push([`base64url@${offset}`, core.replace(/\+/g, "-").replace(/\//g, "_")]);
  }
  const seen = new Set<string>();
  return forms
    .filter(([, text]) => !seen.has(text) && seen.add(text))
    .map(([form, text]) => ({ form, bytes: Buffer.from(text, "utf8") }));
}

export interface Hit {
  source: string;
  form: string;
  at: number;
}

/** Collected response bodies (and headers), scanned as bytes, case-insensitively for hex/percent forms. */
export class ByteCorpus {
  private readonly items: { source: string; bytes: Buffer }[] = [];

  add(source: string, bytes: Buffer | string): void {
    this.items.push({ source, bytes: typeof bytes === "string" ? Buffer.from(bytes) : bytes });
  }

  get responses(): number {
    return this.items.length;
  }

  get totalBytes(): number {
    return this.items.reduce((n, i) => n + i.bytes.length, 0);
  }

  sources(): string[] {
    return this.items.map((i) => i.source);
  }

  find(needles: Needle[]): Hit[] {
    const hits: Hit[] = [];
    for (const { source, bytes } of this.items) {
      const lower = Buffer.from(bytes.toString("latin1").toLowerCase(), "latin1");
      for (const needle of needles) {
        // Percent and hex escapes may use either case; the rest must match exactly.
        const caseless = /percent|hex/.test(needle.form);
        const haystack = caseless ? lower : bytes;
        const target = caseless
          ? Buffer.from(needle.bytes.toString("latin1").toLowerCase(), "latin1")
          : needle.bytes;
        const at = haystack.indexOf(target);
        if (at >= 0) hits.push({ source, form: needle.form, at });
      }
    }
    return hits;
  }
}
