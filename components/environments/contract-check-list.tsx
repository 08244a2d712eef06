import { formatKey } from "@/lib/format";
import type { ContractCheck, LocationCheck } from "@/lib/promotion/contract-check";
import type { BreakKind } from "@/lib/promotion/find-break";

const KIND_WORDS: Record<BreakKind, string> = {
  removed: "removed",
  renamed: "renamed",
  repartitioned: "repartitioned",
  "not-materializable": "no longer materializable",
};

function Verdict({ check }: { check: LocationCheck }) {
  switch (check.verdict) {
    case "ok":
      return <span className="text-healthy">nothing other teams read would break</span>;
    case "no-base":
      return <span className="text-slate-500">does not load in the base: nothing to compare</span>;
    case "not-loaded":
      return <span className="text-degraded">does not load: promoting it breaks every reader</span>;
    case "breaks":
      return <span className="text-degraded">would break other teams</span>;
  }
}

/** The promotion check of one candidate environment: per location, what would break whom. */
export function ContractCheckList({ check }: { check: ContractCheck }) {
  return (
    <div data-testid={`contract-check-${check.head}`} data-breaking={String(check.breaking)}>
      <p className="mb-2 text-sm">
        Promoting <strong>{check.head}</strong> to <strong>{check.base}</strong>:{" "}
        {check.breaking ? (
          <span className="font-medium text-degraded">would break other teams</span>
        ) : (
          <span className="font-medium text-healthy">safe for other teams</span>
        )}
      </p>
      <ul className="space-y-2 text-sm">
        {check.locations.map((loc) => (
          <li key={loc.location} data-location={loc.location} data-verdict={loc.verdict}>
            <code>{loc.location}</code> ({loc.consumed} read by other teams):{" "}
            <Verdict check={loc} />
            {loc.breaks.length ? (
              <ul className="ml-5 list-disc">
                {loc.breaks.map((b) => (
                  <li key={JSON.stringify(b.key)} data-testid="contract-break" data-kind={b.kind}>
                    <code>{formatKey(b.key)}</code> {KIND_WORDS[b.kind]}
                    {b.renamedTo ? (
                      <>
                        {" "}
                        to <code>{formatKey(b.renamedTo)}</code>
                      </>
                    ) : null}
                    {b.partitions
                      ? ` (${b.partitions.before ?? "none"} → ${b.partitions.after ?? "none"})`
                      : null}
                    : breaks{" "}
                    {b.consumers.map((c, i) => (
                      <span
                        key={`${c.location}/${JSON.stringify(c.key)}`}
                        data-testid="broken-consumer"
                      >
                        {i > 0 ? ", " : ""}
                        <code>{formatKey(c.key)}</code> ({c.team ?? "no team"}, {c.location})
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
