import Link from "next/link";
import { RunErrorText } from "@/components/run-error";
import { formatKey, plural } from "@/lib/format";
import { type DagsterUrls, runUrl } from "@/lib/links/dagster-links";
import type { DegradedCause } from "@/lib/overview/asset-cause";
import { causeWords } from "@/lib/overview/asset-cause";
import type { FailingAsset } from "@/lib/overview/failing-now";
import { lineageFocusHref, teamListHref } from "@/lib/overview/overview-links";
import type { Overview } from "@/lib/overview/overview-model";
import { RelativeTime } from "../format-time";

const LINK = "text-blue-700 hover:underline dark:text-blue-400";

/** Failing locations first, then every degraded asset, widest blast radius first (ordered in lib/overview). */
export function FailingNowList({
  failing,
  urls,
  env,
}: {
  failing: Overview["failingNow"];
  urls: DagsterUrls;
  /** The environment shown, kept on every link (none for the default). */
  env?: string;
}) {
  const teamName = (slug: string) => failing.teamNames[slug] ?? slug;
  if (failing.locations.length === 0 && failing.assets.length === 0) {
    return (
      <p data-testid="failing-now-empty" className="text-sm text-healthy">
        Nothing is failing: no degraded asset and every code location loads.
      </p>
    );
  }
  return (
    <ol className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
      {failing.locations.map((loc) => (
        <li
          key={`${loc.deployment}/${loc.location}`}
          data-testid="failing-location"
          data-location={loc.location}
          className="py-2"
        >
          <span className="font-medium text-degraded">
            {loc.cause === "deployment" ? "Deployment unreachable" : "Code location down"}:
          </span>{" "}
          <span className="font-mono">
            {loc.deployment}/{loc.location}
          </span>
          {loc.teams.length ? (
            <>
              {" · "}
              {loc.teams.map((t, i) => (
                <span key={t}>
                  {i ? ", " : ""}
                  <Link href={teamListHref(t, undefined, "deploys", env)} className={LINK}>
                    {teamName(t)}
                  </Link>
                </span>
              ))}
            </>
          ) : null}
          {loc.error ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">
                {loc.error.split("\n")[0]}
              </summary>
              <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap font-mono text-xs text-degraded">
                {loc.error}
              </pre>
            </details>
          ) : null}
        </li>
      ))}
      {failing.assets.map((a) => (
        <FailingAssetRow
          key={`${a.deployment}/${a.id}`}
          asset={a}
          teamName={teamName}
          urls={urls}
          env={env}
        />
      ))}
    </ol>
  );
}

function FailingAssetRow({
  asset,
  teamName,
  urls,
  env,
}: {
  asset: FailingAsset;
  teamName: (slug: string) => string;
  urls: DagsterUrls;
  env?: string;
}) {
  const affected = asset.blast.teams.filter((t) => t.team !== "(no team)");
  return (
    <li
      data-testid="failing-asset"
      data-asset={asset.id}
      data-team={asset.team ?? ""}
      className="grid gap-1 py-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,2fr)] sm:gap-3"
    >
      <div className="min-w-0">
        <Link href={lineageFocusHref(asset.id, env)} className={`${LINK} font-mono break-all`}>
          {formatKey(asset.key)}
        </Link>
        <span className="block text-xs text-slate-500">
          {asset.deployment}/{asset.location}
        </span>
      </div>
      <div data-testid="failing-asset-team">
        {asset.team ? (
          <Link href={teamListHref(asset.team, "degraded", undefined, env)} className={LINK}>
            {teamName(asset.team)}
          </Link>
        ) : (
          <span className="text-slate-500">no team</span>
        )}
      </div>
      <div className="min-w-0">
        <span data-testid="failing-asset-cause" className="font-medium text-degraded">
          {asset.summary}
        </span>
        <span data-testid="failing-asset-blast" className="block text-xs text-slate-500">
          {plural(asset.blast.downstream, "asset")} downstream
          {affected.length
            ? ` · affects ${affected.map((t) => `${teamName(t.team)} (${t.count})`).join(", ")}`
            : ""}
        </span>
        {asset.causes.map((c) => (
          <CauseDetail key={causeWords(c)} cause={c} deployment={asset.deployment} urls={urls} />
        ))}
      </div>
    </li>
  );
}

/** What more there is to know about a cause: the run's error and logs, or when it last materialized. */
function CauseDetail({
  cause,
  deployment,
  urls,
}: {
  cause: DegradedCause;
  deployment: string;
  urls: DagsterUrls;
}) {
  if (cause.kind === "freshness" && cause.lastMaterializedAt !== null) {
    return (
      <span className="block text-xs text-slate-500">
        last materialized <RelativeTime ms={cause.lastMaterializedAt} />
      </span>
    );
  }
  if (cause.kind !== "run") return null;
  const logs = runUrl(urls, deployment, cause.runId);
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
        error{cause.error?.stepKey ? ` in step ${cause.error.stepKey}` : ""}
      </summary>
      {cause.error ? <RunErrorText error={cause.error} /> : null}
      {logs ? (
        <a href={logs} className={LINK} target="_blank" rel="noreferrer">
          Run logs in Dagster
        </a>
      ) : null}
    </details>
  );
}
