import Link from "next/link";
import { RelativeTime } from "@/components/format-time";
import type { AlertRow } from "@/lib/alerts/alerts-view";

const SEVERITY_CLASS = {
  critical: "text-degraded font-semibold",
  warning: "text-warning font-semibold",
  info: "text-slate-500",
} as const;

/** Alerts pending or firing now: severity, team, rule, what, since when, the graph focused on it. */
export function AlertRowsTable({ rows }: { rows: AlertRow[] }) {
  if (rows.length === 0)
    return <p className="text-sm text-slate-500">No alert is pending or firing.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="alerts-active">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-3">State</th>
            <th className="py-1 pr-3">Team</th>
            <th className="py-1 pr-3">Rule</th>
            <th className="py-1 pr-3">What</th>
            <th className="py-1 pr-3">Since</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.fingerprint} className="border-t border-slate-200 dark:border-slate-800">
              <td className="py-1 pr-3">
                <span className={SEVERITY_CLASS[r.severity]}>{r.severity}</span> · {r.status}
              </td>
              <td className="py-1 pr-3">
                <Link className="underline" href={`/teams/${encodeURIComponent(r.team)}`}>
                  {r.team}
                </Link>
              </td>
              <td className="py-1 pr-3">
                <code>{r.rule}</code>
              </td>
              <td className="py-1 pr-3">
                {r.summary}
                {r.lineageHref ? (
                  <>
                    {" "}
                    <Link className="underline" href={r.lineageHref}>
                      graph
                    </Link>
                  </>
                ) : null}
              </td>
              <td className="py-1 pr-3 whitespace-nowrap">
                <RelativeTime ms={r.since} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
