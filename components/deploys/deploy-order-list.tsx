import type { DeployOrder } from "@/lib/deploys/deploy-order";

/** Upstream first; locations that read each other are one step, flagged. */
export function DeployOrderList({ deployment, order }: { deployment: string; order: DeployOrder }) {
  return (
    <div data-testid="deploy-order" data-deployment={deployment}>
      <h3 className="text-sm font-medium">Deploy order in {deployment}</h3>
      <ol className="mt-1 space-y-1 text-sm">
        {order.steps.map((s) => (
          <li key={s.locations.join("+")} data-testid="deploy-step" data-wave={s.wave}>
            <span className="tabular-nums text-slate-500">{s.wave}.</span> {s.locations.join(" + ")}
            {s.cycle ? (
              <span className="ml-1 text-degraded">
                cycle: these read each other, ship together
              </span>
            ) : null}
            {s.after.length ? (
              <span className="text-xs text-slate-500"> after {s.after.join(", ")}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
