import Link from "next/link";
import type { ContractCheck } from "@/lib/promotion/contract-check";
import { ContractCheckList } from "./contract-check-list";

/** The team page's small panel: would promoting a candidate environment break another team? */
export function TeamPromotionPanel({ checks }: { checks: ContractCheck[] }) {
  const relevant = checks.filter((c) => c.locations.length > 0);
  if (!relevant.length) return null;
  return (
    <section
      aria-labelledby="promotion-title"
      data-testid="panel-promotion"
      className="mb-6 space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <h2 id="promotion-title" className="font-semibold">
        Before promotion{" "}
        <Link href="/environments" className="text-sm font-normal underline">
          all environments
        </Link>
      </h2>
      {relevant.map((c) => (
        <ContractCheckList key={c.head} check={c} />
      ))}
    </section>
  );
}
