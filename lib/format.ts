// Number and duration formatting shared by panels.

/**
 * A share as a percentage, to a tenth. Exactly none and all read "0%" and
 * "100%"; a share between never rounds onto them: 2,999 of 3,000 reads
 * ">99.9%" (as "100.0%" it would say nothing failed) and 1 of 3,000 "<0.1%".
 */
export function formatPct(value: number | null): string {
  if (value === null) return "—";
  if (value === 0 || value === 1) return `${value * 100}%`;
  const text = (value * 100).toFixed(1);
  if (text === "100.0") return ">99.9%";
  if (text === "0.0") return "<0.1%";
  return `${text}%`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return ms === null ? "—" : "never";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = m / 60;
  if (h < 48) return `${h.toFixed(h < 10 ? 1 : 0)} h`;
  return `${(h / 24).toFixed(1)} d`;
}

export function formatKey(key: readonly string[]): string {
  return key.join(" / ");
}

export function formatDay(ms: number, hourly: boolean): string {
  const iso = new Date(ms).toISOString();
  return hourly ? `${iso.slice(11, 13)}:00` : iso.slice(5, 10);
}

/** "1 code location", "2 code locations": a count with its noun in the right number. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
