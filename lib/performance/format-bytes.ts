// Bytes in SI units (kB = 1,000 bytes), as storage vendors quote quotas.

const UNITS = ["B", "kB", "MB", "GB", "TB", "PB"] as const;

export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return "—";
  const sign = bytes < 0 ? "−" : "";
  let v = Math.abs(bytes);
  let unit = 0;
  while (v >= 1000 && unit < UNITS.length - 1) {
    v /= 1000;
    unit++;
  }
  return `${sign}${unit === 0 ? v : v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${UNITS[unit]}`;
}
