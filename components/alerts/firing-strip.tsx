import Link from "next/link";
import { Suspense } from "react";
import type { AlertRow } from "@/lib/alerts/alerts-view";
import type { FiringStripModel } from "@/lib/alerts/firing-strip-model";
import { plural } from "@/lib/format";
import { AlertsUnavailable, StripBoundary } from "./strip-boundary";

const SHOWN = 3;

/**
 * A one-line strip above a page while alerts fire: the first few, and a link
 * to /alerts. Nothing when none; "alerts unavailable" when they cannot be read,
 * and a render error stays inside the strip.
 */
export function FiringStrip({ strip, team }: { strip: FiringStripModel; team?: string }) {
  return (
    // Suspense too: a server render error inside it is left to the client,
    // where the boundary catches it, instead of failing the whole page.
    <StripBoundary>
      <Suspense fallback={null}>
        {strip.available ? (
          <FiringRows rows={strip.rows} team={team} />
        ) : (
          <AlertsUnavailable reason={strip.reason} />
        )}
      </Suspense>
    </StripBoundary>
  );
}

function FiringRows({ rows, team }: { rows: AlertRow[]; team?: string }) {
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
