"use client";

import { useQuery } from "@tanstack/react-query";
import { AssetAlerts } from "@/components/alerts/asset-alerts";
import { UpstreamDeploysNote } from "@/components/deploys/upstream-deploys-note";
import { ExternalLink } from "@/components/external-link";
import { RelativeTime } from "@/components/format-time";
import { HealthBadge } from "@/components/health-badge";
import { PanelSkeleton } from "@/components/panel/panel-skeleton";
import { RunErrorText } from "@/components/run-error";
import { formatKey } from "@/lib/format";
import type { DecodedGraph } from "@/lib/lineage/graph-view";
import { impactOf } from "@/lib/lineage/graph-view";
import { assetUrl, type DagsterUrls, runUrl } from "@/lib/links/dagster-links";
import { assetDetailQuery } from "@/lib/queries/lineage";
import { AssetLatency } from "./asset-latency";

export function NodeDetails({
  graph,
  node,
  urls,
  env,
  onFocus,
  onSelect,
}: {
  graph: DecodedGraph;
  node: number;
  urls: DagsterUrls;
  /** The environment shown unless it is the default. */
  env?: string;
  onFocus: (node: number) => void;
  onSelect: (node: number | null) => void;
}) {
  const id = graph.ids[node] as string;
  const { data, isPending, error } = useQuery(assetDetailQuery(id, env));
  const { blast, roots } = impactOf(graph, node, !!data?.ownFailure);
  const ownFailure = data?.ownFailure ?? null;
  const upstreamFailed = roots.failed.filter((i) => i !== node || !ownFailure);
  const keyOf = (i: number) => graph.payload.keys[i] as string[];
  return (
    <aside
      aria-label="Asset details"
      data-testid="node-details"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-semibold break-all">{formatKey(keyOf(node))}</h2>
        <button
          type="button"
          onClick={() => onSelect(null)}
          className="text-slate-500 hover:text-slate-900"
          aria-label="Close details"
        >
          ✕
        </button>
      </div>
      <button
        type="button"
        onClick={() => onFocus(node)}
        className="rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-700"
      >
        Focus the graph here
      </button>
      {isPending ? <PanelSkeleton rows={3} /> : null}
      <AssetAlerts assetKey={keyOf(node)} />
      <AssetLatency id={id} env={env} />
      {error ? (
        <p role="alert" className="text-degraded">
          Details are unavailable: {error.message}
        </p>
      ) : null}
      {data ? (
        <>
          {data.health ? (
            <dl className="grid grid-cols-2 gap-1" data-testid="node-health">
              {(
                [
                  ["Overall", data.health.overall],
                  ["Materialization", data.health.materialization],
                  ["Freshness", data.health.freshness],
                  ["Checks", data.health.checks],
                ] as const
              ).map(([label, status]) => (
                <div key={label} className="flex items-center justify-between gap-2 pr-2">
                  <dt className="text-xs text-slate-500">{label}</dt>
                  <dd>
                    <HealthBadge status={status} />
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
          {data.locationDown.length ? (
            <ul
              role="alert"
              data-testid="node-location-down"
              className="space-y-1 rounded bg-degraded/10 p-2 text-xs text-degraded"
            >
              {data.locationDown.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {data.isStub ? (
            <p className="text-slate-500">
              Referenced as a dependency but defined in no code location Healthboard reads.
            </p>
          ) : null}
          {data.definitions.map((d) => (
            <dl key={d.deployment} className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              <dt className="text-slate-500">Team</dt>
              <dd>{data.team ?? "—"}</dd>
              <dt className="text-slate-500">Location</dt>
              <dd>
                {d.deployment} / {d.location} / {d.group ?? "default"}
              </dd>
              <dt className="text-slate-500">Owners</dt>
              <dd>{d.owners.join(", ") || "—"}</dd>
              <dt className="text-slate-500">Last materialized</dt>
              <dd>{d.lastMaterializedAt ? <RelativeTime ms={d.lastMaterializedAt} /> : "never"}</dd>
              <dt className="text-slate-500">Freshness policy</dt>
              <dd>{d.freshnessPolicy ?? "none"}</dd>
              <dt className="text-slate-500">Checks</dt>
              <dd>
                {d.checks.length
                  ? d.checks.map((c) => `${c.name}: ${c.outcome}`).join(", ")
                  : "none"}
              </dd>
              <dt className="text-slate-500">In Dagster</dt>
              <dd>
                <ExternalLink href={assetUrl(urls, d.deployment, data.key)}>
                  open asset
                </ExternalLink>
              </dd>
            </dl>
          ))}
          <UpstreamDeploysNote assetId={id} />
          <div>
            <h3 className="font-medium">Recent failures</h3>
            {data.recentFailures.length === 0 ? (
              <p className="text-slate-500">None in the history window.</p>
            ) : (
              <ul>
                {data.recentFailures.map((f) => (
                  <li key={f.runId} data-run={f.runId}>
                    <ExternalLink href={runUrl(urls, f.deployment, f.runId)}>
                      {f.runId.slice(0, 8)}
                    </ExternalLink>{" "}
                    {f.job}, {new Date(f.at).toISOString().slice(0, 16).replace("T", " ")}{" "}
                    {f.reason ?? ""}
                    {f.failedHere === false ? " (failed upstream; this asset was planned)" : ""}
                    {f.error && f.failedHere !== false ? (
                      <RunErrorText error={f.error} logsUrl={runUrl(urls, f.deployment, f.runId)} />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      ) : null}
      <div data-testid="blast-radius">
        <h3 className="font-medium">
          Blast radius: {blast.assets.length} downstream asset{blast.assets.length === 1 ? "" : "s"}
        </h3>
        <ul className="text-slate-600 dark:text-slate-400" data-testid="blast-teams">
          {blast.teams.map((t) => (
            <li key={t.team} data-team={t.team}>
              {t.team}: {t.count}
            </li>
          ))}
        </ul>
        <AssetButtons
          graph={graph}
          nodes={blast.assets.slice(0, 200)}
          onSelect={onSelect}
          testId="blast-assets"
        />
      </div>
      <div data-testid="root-causes">
        <h3 className="font-medium">Root cause</h3>
        {ownFailure ? (
          <p data-testid="own-failure">
            Its own step failed in run{" "}
            <ExternalLink href={runUrl(urls, ownFailure.deployment, ownFailure.runId)}>
              {ownFailure.runId.slice(0, 8)}
            </ExternalLink>{" "}
            ({ownFailure.job})
            {ownFailure.error ? (
              <RunErrorText
                error={ownFailure.error}
                logsUrl={runUrl(urls, ownFailure.deployment, ownFailure.runId)}
              />
            ) : null}
          </p>
        ) : null}
        {upstreamFailed.length > 0 ? (
          <>
            <h4 className="mt-1 text-xs text-slate-500">
              {upstreamFailed.includes(node)
                ? "Failed here (this asset is degraded, nothing degraded upstream)"
                : "Failed upstream (degraded, nearest the root)"}
            </h4>
            <AssetButtons
              graph={graph}
              nodes={upstreamFailed}
              onSelect={onSelect}
              testId="root-cause-assets"
            />
          </>
        ) : null}
        {roots.warnings.length > 0 ? (
          <>
            <h4 className="mt-1 text-xs text-slate-500">Also unhealthy upstream (warnings only)</h4>
            <AssetButtons
              graph={graph}
              nodes={roots.warnings.slice(0, 200)}
              onSelect={onSelect}
              testId="root-cause-warnings"
            />
          </>
        ) : null}
        {!ownFailure && roots.failed.length === 0 && roots.warnings.length === 0 ? (
          <p className="text-slate-500">Nothing unhealthy upstream.</p>
        ) : null}
      </div>
    </aside>
  );
}

/** A list of assets that select themselves in the graph when clicked. */
function AssetButtons({
  graph,
  nodes,
  onSelect,
  testId,
}: {
  graph: DecodedGraph;
  nodes: number[];
  onSelect: (node: number) => void;
  testId: string;
}) {
  return (
    <ul className="mt-1 max-h-40 overflow-auto" data-testid={testId}>
      {nodes.map((i) => (
        <li key={i} data-asset={graph.ids[i]}>
          <button
            type="button"
            className="text-left text-blue-700 hover:underline dark:text-blue-400"
            onClick={() => onSelect(i)}
          >
            {formatKey(graph.payload.keys[i] as string[])}
          </button>
        </li>
      ))}
    </ul>
  );
}
