import { RelativeTime } from "@/components/format-time";
import type { LocationOutage } from "@/lib/snapshot/location-outages";

const FIRST_LINES = 3;

/**
 * Opens the team page when one of the team's code locations fails to load or
 * its deployment cannot be reached: which one, its error, since when. The
 * assets below are then the last known ones, so the page must not look quiet.
 */
export function LocationDownBanner({ problems }: { problems: LocationOutage[] }) {
  return problems.length === 0 ? null : (
    <ul
      role="alert"
      aria-label="Code locations down"
      data-testid="location-down-banner"
      className="space-y-3 rounded-lg border border-degraded/50 bg-degraded/10 px-4 py-3 text-sm"
    >
      {problems.map((p) => (
        <li key={`${p.deployment}/${p.location ?? ""}`} className="min-w-0">
          <Problem problem={p} />
        </li>
      ))}
    </ul>
  );
}

function Problem({ problem: p }: { problem: LocationOutage }) {
  const lines = p.error.message.split("\n").filter((l) => l.trim() !== "");
  const head = lines.slice(0, FIRST_LINES);
  const rest = lines.slice(FIRST_LINES);
  return (
    <section
      data-testid="location-down"
      data-deployment={p.deployment}
      data-location={p.location ?? ""}
      data-kind={p.kind}
    >
      <p className="font-medium">
        {p.kind === "location-failed" ? (
          <>
            Code location <span className="font-mono">{p.location}</span> ({p.deployment}) fails to
            load
          </>
        ) : (
          <>
            Deployment <span className="font-mono">{p.deployment}</span> cannot be reached
            {p.location ? (
              <>
                {" "}
                (location <span className="font-mono">{p.location}</span>)
              </>
            ) : null}
          </>
        )}
        {p.since !== null ? (
          <>
            {" "}
            since <RelativeTime ms={p.since} />
          </>
        ) : null}
      </p>
      <p className="text-slate-600 dark:text-slate-400">
        {p.assetCount > 0 ? (
          <>
            Its {p.assetCount} assets below are the last known
            {p.assetsAsOf !== null ? (
              <>
                {" "}
                (as of <RelativeTime ms={p.assetsAsOf} />)
              </>
            ) : null}
            , marked “location down”.
          </>
        ) : (
          "No assets of it are known: none are shown."
        )}
      </p>
      <div
        data-testid="location-down-error"
        className="mt-1 font-mono text-xs break-words whitespace-pre-line"
      >
        {p.error.className ? <span className="text-degraded">{p.error.className}: </span> : null}
        {head.join("\n")}
        {rest.length > 0 ? (
          <details>
            <summary className="cursor-pointer font-sans text-slate-600 dark:text-slate-400">
              {rest.length} more lines
            </summary>
            {rest.join("\n")}
          </details>
        ) : null}
      </div>
    </section>
  );
}
