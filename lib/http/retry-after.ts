/**
 * A Retry-After header in milliseconds from `now`: delta-seconds or an HTTP
 * date (RFC 9110 §10.2.3); undefined when absent or unreadable. Read by the
 * transport to Dagster and by the alert channels.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
