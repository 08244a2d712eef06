import Link from "next/link";
import type { AlertRow } from "@/lib/alerts/alerts-view";
import { plural } from "@/lib/format";

const SHOWN = 3;

/** A one-line strip above a page while alerts fire: the first few, and a link to /alerts. Nothing when none. */
export function FiringStrip({ rows, team }: { rows: AlertRow[]; team?: string }) {
  if (rows.length === 0) return null;
  const href = team ? `/alerts?team=${encodeURIComponent(team)}` : "/alerts";
  return (
    <section
      role="status"
      aria-label="Firing alerts"
      data-testid="firing-alerts"
      className="mb-4 rounded-lg border border-degraded/50 bg-degraded/10 px-4 py-2 text-sm"
    >
      <Link href={href} className="font-semibold underline">
        {plural(rows.length, "alert")} firing
      </Link>
      <ul className="mt-1 space-y-0.5">
        {rows.slice(0, SHOWN).map((r) => (
          <li key={r.fingerprint} className="truncate">
            <span className="font-medium">{r.team}</span> · <code>{r.rule}</code>: {r.summary}
          </li>
        ))}
        {rows.length > SHOWN ? <li>and {rows.length - SHOWN} more</li> : null}
      </ul>
    </section>
  );
}
