import Link from "next/link";
import { RelativeTime } from "@/components/format-time";
import type { AlertGroup } from "@/lib/alerts/alerts-view";
import type { getAlertsPage } from "@/lib/alerts/get-alerts";
import { AlertRowsTable } from "./alert-rows-table";
import { TestNotificationButton } from "./test-notification-button";

type Model = Awaited<ReturnType<typeof getAlertsPage>>;

/** The alerts page: firing now, by team and rule, recent history, channels with a test action. */
export function AlertsOverview({ model, team }: { model: Model; team?: string }) {
  const rows = team ? model.rows.filter((r) => r.team === team) : model.rows;
  const history = team ? model.history.filter((h) => h.team === team) : model.history;
  return (
    <div className="space-y-8">
      {model.dryRun ? (
        <p role="status" data-testid="alerts-dry-run" className="text-sm text-warning">
          Dry-run: notifications are recorded in the delivery log, not sent.
        </p>
      ) : null}
      {model.ruleCount === 0 ? (
        <p className="text-sm text-slate-500">
          No alert rule is configured (<code>alerts.rules</code> in the config).
        </p>
      ) : null}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">
          Now{team ? ` · team ${team}` : ""}
          {team ? (
            <Link href="/alerts" className="ml-3 text-sm font-normal underline">
              all teams
            </Link>
          ) : null}
        </h2>
        <AlertRowsTable rows={rows} />
      </section>
      <div className="grid gap-6 sm:grid-cols-2">
        <Groups title="By team" groups={model.byTeam} link />
        <Groups title="By rule" groups={model.byRule} />
      </div>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Recent history</h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing fired or resolved yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="alerts-history">
            {history.map((h) => (
              <li key={h.key}>
                <RelativeTime ms={h.at} /> · <span className="font-medium">{h.transition}</span> ·{" "}
                {h.team} · <code>{h.rule}</code>: {h.summary}
                {h.lineageHref ? (
                  <>
                    {" "}
                    <Link className="underline" href={h.lineageHref}>
                      graph
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Channels</h2>
        <ul className="space-y-1 text-sm" data-testid="alerts-channels">
          {model.channels.map((c) => (
            <li key={c.name} className="flex flex-wrap items-center gap-3">
              <code>{c.name}</code> <span className="text-slate-500">{c.type}</span>
              {c.waitingUntil ? (
                <span className="text-warning">
                  retrying at {new Date(c.waitingUntil).toISOString().slice(11, 19)} UTC
                </span>
              ) : null}
              <TestNotificationButton channel={c.name} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Groups({ title, groups, link }: { title: string; groups: AlertGroup[]; link?: boolean }) {
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">{title}</h2>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <ul className="text-sm">
          {groups.map((g) => (
            <li key={g.name}>
              {link ? (
                <Link className="underline" href={`/alerts?team=${encodeURIComponent(g.name)}`}>
                  {g.name}
                </Link>
              ) : (
                <code>{g.name}</code>
              )}
              : {g.firing} firing, {g.pending} pending
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
