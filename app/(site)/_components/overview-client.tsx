"use client";

import { useQuery } from "@tanstack/react-query";
import { DeploymentSection } from "@/components/overview/deployment-section";
import { FailingNowList } from "@/components/overview/failing-now-list";
import { TeamTiles } from "@/components/overview/team-tiles";
import { Panel } from "@/components/panel/panel";
import { PanelSkeleton } from "@/components/panel/panel-skeleton";
import type { Overview } from "@/lib/overview/overview-model";
import { overviewQuery } from "@/lib/queries/overview";

export function OverviewClient({
  initial,
  refreshMs,
  env,
}: {
  initial: Overview;
  refreshMs: number;
  /** The environment shown unless it is the default (docs/environments.md): kept on links. */
  env?: string;
}) {
  const { data } = useQuery({ ...overviewQuery(refreshMs, env), initialData: initial });
  const urls = Object.fromEntries((data?.deployments ?? []).map((d) => [d.name, d.dagsterUrl]));
  return (
    <div className="space-y-8">
      <Panel title="Teams, worst first" id="teams">
        {data ? <TeamTiles teams={data.teams} env={env} /> : <PanelSkeleton />}
      </Panel>
      <Panel title="Failing now, widest impact first" id="failing-now">
        {data ? (
          <FailingNowList failing={data.failingNow} urls={urls} env={env} />
        ) : (
          <PanelSkeleton />
        )}
      </Panel>
      <Panel title="Deployments and code locations" id="locations">
        {data ? (
          <div className="space-y-6">
            {data.deployments.map((d) => (
              <DeploymentSection key={d.name} deployment={d} />
            ))}
          </div>
        ) : (
          <PanelSkeleton rows={4} />
        )}
      </Panel>
    </div>
  );
}
