import { ContractsExport } from "@/components/contracts/contracts-export";
import { loadConfig } from "@/lib/config/load-config";
import { getOverview } from "@/lib/overview/get-overview";
import { OverviewClient } from "./_components/overview-client";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const [overview, config] = [await getOverview(), loadConfig()];
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Overview</h1>
      <ContractsExport />
      <OverviewClient initial={overview} refreshMs={config.refresh.locationStatusSeconds * 1000} />
    </>
  );
}
