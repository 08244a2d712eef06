import { RelativeTime } from "@/components/format-time";
import { describeImpact } from "@/lib/deploys/deploy-impact";
import type { LocationVersions } from "@/lib/deploys/location-versions";
import type { LocationVersion } from "@/lib/deploys/version-history";
import { formatDuration, formatKey } from "@/lib/format";

/** The commit CI named, else the version Dagster shows, else the fingerprint's start. */
const label = (v: LocationVersion) =>
  v.annotation?.commit ?? v.version ?? v.fingerprint?.slice(0, 10) ?? "unknown";

function DeployedBy({ v }: { v: LocationVersion }) {
  const a = v.annotation;
  if (!a) return <span className="text-slate-500">—</span>;
  return (
    <span data-testid="version-author">
      {a.author ?? "unknown"}
      {a.prUrl ? (
        <>
          {" · "}
          <a
            href={a.prUrl}
            rel="noreferrer"
            className="text-blue-700 hover:underline dark:text-blue-400"
          >
            PR
          </a>
        </>
      ) : null}
      {a.message ? <span className="block text-xs text-slate-500">{a.message}</span> : null}
    </span>
  );
}

/**
 * Failures while live; "caused here" are the downstream ones whose root cause
 * lay in this location: only those make a version not good (failure-blame.ts).
 */
function Health({ v }: { v: LocationVersion }) {
  if (v.consumerFailures === null) return <span className="text-slate-500">no data</span>;
  const caused = v.causedFailures ?? 0;
  return (
    <span>
      {v.ownFailures} own · {v.consumerFailures} downstream
      {v.consumerFailures > 0 ? (
        <span data-testid="caused-failures" className={caused ? "text-degraded" : "text-slate-500"}>
          {" "}
          ({caused} caused here)
        </span>
      ) : null}
      {v.consumersDegradedNow.length ? (
        <span className={v.causedDegradedNow.length ? "text-degraded" : "text-slate-500"}>
          {" "}
          · {v.consumersDegradedNow.length} degraded now ({v.causedDegradedNow.length} caused here)
        </span>
      ) : null}
    </span>
  );
}

/** One location's versions, newest first, with what followed each deploy downstream. */
export function VersionTable({ report }: { report: LocationVersions }) {
  return (
    <table
      className="w-full text-left text-sm"
      data-testid="version-history"
      data-location={report.location}
    >
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1 pr-2 font-normal">Version</th>
          <th className="py-1 pr-2 font-normal">Live from</th>
          <th className="py-1 pr-2 font-normal">For</th>
          <th className="py-1 pr-2 font-normal">Load</th>
          <th className="py-1 pr-2 font-normal">Deployed by</th>
          <th
            className="py-1 font-normal"
            title="Downstream failures count against a version only when their root cause was one of this location's assets"
          >
            Failures while live
          </th>
        </tr>
      </thead>
      <tbody>
        {report.versions.map((v) => (
          <tr
            key={`${v.from}-${v.fingerprint}`}
            data-testid="version-row"
            data-fingerprint={v.fingerprint ?? ""}
            className="border-t border-slate-100 align-top dark:border-slate-800"
          >
            <td className="py-1 pr-2">
              <code data-testid="version-label" title={v.fingerprint ?? undefined}>
                {label(v)}
              </code>
              {v.until === null ? <span className="ml-1 text-xs text-slate-500">live</span> : null}
              {v.lastKnownGood ? (
                <span
                  data-testid="last-known-good"
                  title="The newest version that loaded and caused no downstream failure"
                  className="ml-1 rounded bg-healthy px-1 text-xs text-white"
                >
                  last known good
                </span>
              ) : null}
              {v.impact?.consumers
                .filter((c) => c.failures > 0 || c.degradedNow.length > 0)
                .map((c) => (
                  <p
                    key={c.location}
                    data-testid="deploy-impact"
                    className={`text-xs ${c.elevated ? "text-degraded" : "text-slate-500"}`}
                  >
                    {describeImpact(v.impact as NonNullable<typeof v.impact>, c)}
                  </p>
                ))}
            </td>
            <td className="py-1 pr-2">
              <RelativeTime ms={v.from} />
            </td>
            <td className="py-1 pr-2 tabular-nums">{formatDuration(v.durationMs)}</td>
            <td className="py-1 pr-2">
              {v.loaded ? (
                "loaded"
              ) : (
                <span className="text-degraded" title={v.error ?? undefined}>
                  failed
                </span>
              )}
            </td>
            <td className="py-1 pr-2">
              <DeployedBy v={v} />
            </td>
            <td className="py-1 tabular-nums">
              <Health v={v} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Roll back to …; tell …", or why no rollback is needed. */
export function RollbackNote({ report }: { report: LocationVersions }) {
  const { rollback } = report;
  const changed = rollback.basis === "changed";
  const tell = rollback.dependents
    .map(
      (d) =>
        `${d.location} (${d.assets.length}${changed ? ` via ${d.via.map(keyOf).join(", ")}` : ""})`,
    )
    .join(", ");
  const readers = changed
    ? tell
      ? ` ${rollback.changedAssets.length} asset${rollback.changedAssets.length === 1 ? "" : "s"} changed since it; locations reading them: ${tell}.`
      : ` ${rollback.changedAssets.length} asset${rollback.changedAssets.length === 1 ? "" : "s"} changed since it; no other location reads them.`
    : tell
      ? ` Locations reading its assets: ${tell}.`
      : " No other location reads its assets.";
  return (
    <p
      className="text-sm"
      data-testid="rollback-plan"
      data-basis={rollback.basis}
      title={
        changed
          ? undefined
          : "Every reader is named: the definitions of the versions compared are not both known"
      }
    >
      {!rollback.needed
        ? "The live version is good: no rollback needed."
        : rollback.target
          ? `Roll back to ${label(rollback.target)} (last known good, live from ${new Date(rollback.target.from).toISOString().slice(0, 16).replace("T", " ")} UTC).`
          : "No earlier version is known to be good."}
      {readers}
    </p>
  );
}

/** An asset id (assetId: the key path as JSON) as people write it: a/b/c. */
const keyOf = (id: string) => formatKey(JSON.parse(id) as string[]);
