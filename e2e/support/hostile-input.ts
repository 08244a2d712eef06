// Hostile values for query strings: very long, odd Unicode and encodings,
// control characters, path traversal, markup and script, JSON-looking text.

/** A hostile value: `query` is how it goes on the wire (already encoded). */
export interface Hostile {
  name: string;
  raw: string;
  query: string;
}

const hostile = (name: string, raw: string): Hostile => ({
  name,
  raw,
  query: encodeURIComponent(raw),
});
/** Sent as written: for encodings no well-behaved client would produce. */
const wire = (name: string, query: string): Hostile => ({ name, raw: query, query });

export const HOSTILE: Hostile[] = [
  hostile("8 KB", "a".repeat(8 * 1024)),
  hostile("64 KB", "b".repeat(64 * 1024)),
  hostile("right-to-left override", "\u202Egnp.exe\u202C"),
  hostile("emoji", "🔥👩‍👩‍👧🏳️‍🌈"),
  hostile("combining marks", "Z\u0334\u0321\u032A\u034Ca\u0337l\u0336g\u0338o\u0335"),
  wire("lone surrogate (UTF-8 bytes)", "%ED%A0%80"),
  wire("lone surrogate (%u)", "%uD800"),
  wire("malformed percent", "%E0%A4%A%"),
  hostile("NUL", "\u0000"),
  hostile("control characters", "\u0001\u001b[31m\r\nSet-Cookie: x=1"),
  hostile("path traversal", "../../../../etc/passwd"),
  wire("encoded path traversal", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
  hostile("backslash traversal", "..\\..\\windows\\win.ini"),
  hostile("script tag", "<script>alert(1)</script>"),
  hostile("attribute break", '"><img src=x onerror=alert(1)>'),
  hostile("event handler", "' onerror=alert(1) x='"),
  hostile("javascript URL", "javascript:alert(1)"),
  hostile("JSON object", '{"__proto__":{"polluted":1}}'),
  hostile("JSON array", '[["a"],{"$gt":""}]'),
  hostile("prototype name", "__proto__"),
  hostile("huge number", "1e400"),
  hostile("negative", "-1"),
];
