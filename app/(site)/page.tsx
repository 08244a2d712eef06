import { FiringStrip } from "@/components/alerts/firing-strip";
import { ContractsExport } from "@/components/contracts/contracts-export";
import { getFiringStrip } from "@/lib/alerts/get-alerts";
import { loadConfig } from "@/lib/config/load-config";
import { linkEnvironment } from "@/lib/environments/env-href";
import { defaultEnvironment, pageEnvironment } from "@/lib/environments/environment-param";
import { getOverview } from "@/lib/overview/get-overview";
import { OverviewClient } from "./_components/overview-client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const env = pageEnvironment((await searchParams).env);
  const [overview, config, firing] = [
    await getOverview(env),
    loadConfig(),
    await getFiringStrip({}),
  ];
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Overview</h1>
      <FiringStrip strip={firing} />
      <ContractsExport />
      <OverviewClient
        initial={overview}
        env={linkEnvironment(env, defaultEnvironment())}
        refreshMs={config.refresh.locationStatusSeconds * 1000}
      />
    </>
  );
}
