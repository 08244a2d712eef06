import { Card, Panel } from "@/components/panel/panel";
import type { VersionsReport } from "@/lib/deploys/get-location-versions";
import { DeployOrderList } from "./deploy-order-list";
import { RollbackNote, VersionTable } from "./version-table";

/** Version history, rollback plans and deploy order for a team's locations. */
export function VersionHistoryPanel({ report }: { report: VersionsReport }) {
  const incoming = report.incoming.flatMap((i) => i.notes);
  return (
    <Panel title="Versions" id="versions">
      {incoming.length ? (
        <Card>
          <h3 className="text-sm font-medium">Upstream deploys followed by failures here</h3>
          <ul className="mt-1 text-sm" data-testid="incoming-impact">
            {incoming.map((n) => (
              <li
                key={`${n.location}-${n.at}-${n.consumer}`}
                className={n.elevated ? "text-degraded" : ""}
              >
                {n.sentence}
                {n.author ? ` (deployed by ${n.author})` : ""}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="grid gap-3 xl:grid-cols-[3fr_1fr] [&>*]:min-w-0">
        <div className="space-y-3">
          {report.locations.map((l) => (
            <Card key={`${l.deployment}/${l.location}`}>
              <h3 className="mb-2 font-medium">
                {l.location} <span className="text-xs text-slate-500">{l.deployment}</span>
              </h3>
              <RollbackNote report={l} />
              <VersionTable report={l} />
            </Card>
          ))}
        </div>
        <Card>
          {report.orders.map((o) => (
            <DeployOrderList key={o.deployment} deployment={o.deployment} order={o.order} />
          ))}
        </Card>
      </div>
    </Panel>
  );
}
