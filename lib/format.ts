// Number and duration formatting shared by panels.

export function formatPct(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(value === 1 || value === 0 ? 0 : 1)}%`;
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
