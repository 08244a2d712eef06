import Link from "next/link";
import { ExternalLink } from "@/components/external-link";
import { HealthBadge } from "@/components/health-badge";
import { CsvButton } from "@/components/panel/csv-button";
import { Card, Panel } from "@/components/panel/panel";
import { TableHead } from "@/components/panel/table-head";
import { formatKey } from "@/lib/format";
import { assetUrl, type DagsterUrls } from "@/lib/links/dagster-links";
import { isHealthy, isUnhealthy } from "@/lib/metrics/definitions";
import type { TeamAssetRow, TeamPageModel } from "@/lib/teams/build-team-page";
import { ASSET_LISTS, type AssetList, teamHref } from "@/lib/teams/team-href";

const FILTERS: Record<AssetList, (a: TeamAssetRow) => boolean> = {
  all: () => true,
  healthy: (a) => isHealthy(a.health),
  stale: (a) => a.stale,
  degraded: (a) => a.degraded,
  unhealthy: (a) => isUnhealthy(a.health),
};

/** Each list's rule in words (lib/metrics/definitions.ts), as the pill's tooltip. */
const LIST_HELP: Record<AssetList, string> = {
  all: "Every asset the team owns",
  healthy: "Overall health Healthy: materialized, no failed check, fresh",
  stale: "A freshness policy's window is exceeded",
  degraded:
    "Latest materialization failed, an ERROR check failed, or freshness past its fail window",
  unhealthy: "Warning or Degraded",
};

export function AssetListPanel({
  model,
  urls,
  list,
  location,
  env,
}: {
  model: TeamPageModel;
  urls: DagsterUrls;
  list: AssetList;
  location?: string;
  /** The environment shown unless it is the default: kept on the links. */
  env?: string;
}) {
  const rows = model.assets.filter(FILTERS[list]);
  return (
    <Panel
      title="Assets"
      id="assets"
      actions={
        <CsvButton
          filename={`${model.team.slug}-assets-${list}.csv`}
          header={[
            "asset",
            "deployment",
            "location",
            "group",
            "health",
            "materialization",
            "freshness",
            "checks",
            "last_materialized_utc",
          ]}
          rows={() =>
            rows.map((a) => [
              formatKey(a.key),
              a.deployment,
              a.location,
              a.group ?? "",
              a.health,
              a.materialization,
              a.freshness,
              a.checks,
              a.lastMaterializedAt ? new Date(a.lastMaterializedAt).toISOString() : "",
            ])
          }
        />
      }
    >
      <Card>
        <nav aria-label="Asset lists" className="mb-3 flex flex-wrap gap-2 text-sm">
          {ASSET_LISTS.map((l) => (
            <Link
              // No prefetch: the link stays on the team page's own route, and inside
              // an embed a prefetch would pull in the whole site's JavaScript.
              prefetch={false}
              key={l}
              href={teamHref(
                model.team.slug,
                { range: model.window.range, location, list: l, env },
                "assets",
              )}
              aria-current={l === list ? "page" : undefined}
              title={LIST_HELP[l]}
              className={`rounded-full px-3 py-0.5 ring-1 ring-slate-300 dark:ring-slate-700 ${l === list ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : ""}`}
            >
              {l} ({model.assets.filter(FILTERS[l]).length})
            </Link>
          ))}
        </nav>
        <HealthHelp />
        <table className="w-full text-left text-sm" data-testid="asset-table">
          <TableHead
            columns={["Asset", "Location", "Health", "Materialization", "Freshness", "Checks"]}
          />
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((a) => (
              <tr
                key={`${a.deployment}/${a.id}`}
                data-asset={a.id}
                data-location-down={a.locationDown ?? undefined}
              >
                <td className="py-1.5">
                  <ExternalLink href={assetUrl(urls, a.deployment, a.key)}>
                    {formatKey(a.key)}
                  </ExternalLink>
                </td>
                <td className="py-1.5">
                  {a.location}
                  {a.locationDown ? (
                    <span
                      data-testid="asset-location-down"
                      title="Last known data: the location fails to load or its deployment is unreachable"
                      className="ml-2 rounded bg-degraded/15 px-1.5 text-xs text-degraded"
                    >
                      {a.locationDown === "location-failed" ? "location down" : "unreachable"}
                    </span>
                  ) : null}
                </td>
                <td className="py-1.5">
                  <HealthBadge status={a.health} />
                </td>
                <td className="py-1.5">
                  <HealthBadge status={a.materialization} />
                </td>
                <td className="py-1.5">
                  <HealthBadge status={a.freshness} />
                </td>
                <td className="py-1.5">
                  <HealthBadge status={a.checks} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </Panel>
  );
}

/**
 * What the less obvious states mean (docs/health-model.md), next to the lists
 * and badges that show them: "Unknown" and "n/a" read as errors otherwise.
 */
export function HealthHelp() {
  return (
    <details className="mb-3 text-xs text-slate-600 dark:text-slate-400" data-testid="health-help">
      <summary className="cursor-pointer select-none">What do Unknown and n/a mean?</summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        <dt className="font-medium">Unknown</dt>
        <dd>
          Never materialized nor observed, or a freshness policy or check not evaluated yet: nothing
          is known to be wrong, and nothing is known to be right.
        </dd>
        <dt className="font-medium">n/a</dt>
        <dd>The asset has no freshness policy, or defines no checks.</dd>
        <dt className="font-medium">Stale</dt>
        <dd>Its freshness policy's window is exceeded.</dd>
        <dt className="font-medium">Unhealthy</dt>
        <dd>Warning or Degraded.</dd>
      </dl>
    </details>
  );
}
