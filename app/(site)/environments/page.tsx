import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContractCheckList } from "@/components/environments/contract-check-list";
import { LocationComparisonTable } from "@/components/environments/location-comparison-table";
import { PlusDeploymentsTable } from "@/components/environments/plus-deployments-table";
import {
  checkEnvironment,
  getAllContractChecks,
  getComparison,
} from "@/lib/environments/get-environments";
import { plusDiscoveries } from "@/lib/environments/plus-discovery-runtime";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Environments" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Each code location across environments, and what promoting each candidate would break. */
export default async function EnvironmentsPage({ searchParams }: Props) {
  const raw = (await searchParams).base;
  const base = typeof raw === "string" ? raw : undefined;
  if (base !== undefined && checkEnvironment("base", base)) notFound();
  const [comparison, checks] = await Promise.all([getComparison(base), getAllContractChecks(base)]);
  const discoveries = plusDiscoveries();
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Environments</h1>
      <p className="mb-6 text-sm text-slate-500">
        {comparison.environments.join(" · ")} — compared with <strong>{comparison.base}</strong>
      </p>
      <section className="mb-8 space-y-4" aria-labelledby="checks-title">
        <h2 id="checks-title" className="text-lg font-semibold">
          Contract check before promotion
        </h2>
        {checks.length ? (
          checks.map((c) => <ContractCheckList key={c.head} check={c} />)
        ) : (
          <p className="text-sm text-slate-500">Only one environment is configured.</p>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="locations-title">
        <h2 id="locations-title" className="text-lg font-semibold">
          Code locations across environments
        </h2>
        <LocationComparisonTable locations={comparison.locations} base={comparison.base} />
      </section>
      {discoveries.length ? (
        <section className="mt-8 space-y-3" aria-labelledby="plus-title">
          <h2 id="plus-title" className="text-lg font-semibold">
            Found in Dagster+
          </h2>
          <PlusDeploymentsTable discoveries={discoveries} />
        </section>
      ) : null}
    </>
  );
}
