import { ExternalLink } from "@/components/external-link";
import { RelativeTime } from "@/components/format-time";
import { LocationStatusBadge } from "@/components/overview/location-status-badge";
import { CsvButton } from "@/components/panel/csv-button";
import { Card, Panel } from "@/components/panel/panel";
import { formatPct } from "@/lib/format";
import { type DagsterUrls, locationUrl } from "@/lib/links/dagster-links";
import type { TeamPageModel } from "@/lib/teams/build-team-page";

const KIND_STYLE: Record<string, string> = {
  deploy: "bg-healthy",
  deploy_failed: "bg-degraded",
  recovery: "bg-warning",
};

export function DeploysPanel({ model, urls }: { model: TeamPageModel; urls: DagsterUrls }) {
  const span = model.window.until - model.window.since;
  return (
    <Panel
      title="Deploys"
      id="deploys"
      actions={
        <CsvButton
          filename={`${model.team.slug}-deploys.csv`}
          header={[
            "deployment",
            "location",
            "kind",
            "at_utc",
            "version",
            "fingerprint",
            "version_key",
            "error",
          ]}
          rows={() =>
            model.deploys.flatMap((l) =>
              l.timeline.map((e) => [
                e.deployment,
                e.location,
                e.kind,
                new Date(e.at).toISOString(),
                e.version ?? "",
                e.fingerprint ?? "",
                e.versionKey,
                e.error ?? "",
              ]),
            )
          }
        />
      }
    >
      <div className="grid gap-3 md:grid-cols-2">
        {model.deploys.map((l) => (
          <Card key={`${l.deployment}/${l.location}`}>
            <div
              className="flex items-center justify-between gap-2"
              data-testid="deploy-location"
              data-location={l.location}
            >
              <h3 className="font-medium">
                <ExternalLink href={locationUrl(urls, l.deployment, l.location)}>
                  {l.location}
                </ExternalLink>
              </h3>
              {l.status === "unknown" ? (
                <span className="text-xs text-slate-500">unknown</span>
              ) : (
                <LocationStatusBadge status={l.status} />
              )}
            </div>
            <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
              <div>
                <dt className="text-xs text-slate-500">Success rate</dt>
                <dd className="tabular-nums">{formatPct(l.stats.successRate)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Deploys</dt>
                <dd className="tabular-nums">
                  {l.stats.deploys}
                  {l.stats.failed ? (
                    <span className="text-degraded"> ({l.stats.failed} failed)</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Last deploy</dt>
                <dd>{l.stats.lastDeploy ? <RelativeTime ms={l.stats.lastDeploy.at} /> : "—"}</dd>
              </div>
            </dl>
            {l.error ? (
              <p className="mt-2 line-clamp-3 font-mono text-xs text-degraded">{l.error}</p>
            ) : null}
            <div
              className="relative mt-3 h-4 rounded bg-slate-100 dark:bg-slate-800"
              role="img"
              aria-label={`Deploy timeline: ${l.timeline.length} events in this range`}
            >
              {l.timeline.map((e) => {
                const impact = l.impacts.find((i) => i.at === e.at);
                return (
                  <span
                    key={`${e.kind}-${e.at}-${e.versionKey}`}
                    title={`${e.kind} ${new Date(e.at).toISOString()}${e.version ? ` ${e.version}` : ""}${impact ? `\n${impact.lines.join("\n")}` : ""}`}
                    className={`absolute top-0.5 h-3 w-1.5 rounded-sm ${KIND_STYLE[e.kind] ?? "bg-unknown"}${impact ? " ring-2 ring-degraded" : ""}`}
                    style={{
                      left: `${Math.min(99, Math.max(0, ((e.at - model.window.since) / span) * 100))}%`,
                    }}
                  />
                );
              })}
            </div>
            {l.impacts.length ? (
              <ul
                className="mt-2 space-y-1 text-xs text-degraded"
                aria-label="Deploys followed by downstream failures"
              >
                {l.impacts.flatMap((i) =>
                  i.lines.map((line) => (
                    <li key={`${i.at}-${line}`} data-testid="timeline-impact">
                      {line}
                    </li>
                  )),
                )}
              </ul>
            ) : null}
            <p className="mt-1 text-xs text-slate-500">
              {/* versionKey changes on every restart; the version is the code's (commit, image or fingerprint). */}
              Version{" "}
              <code data-testid="deploy-version" title={l.fingerprint ?? undefined}>
                {l.version ?? "—"}
              </code>
            </p>
          </Card>
        ))}
      </div>
    </Panel>
  );
}
