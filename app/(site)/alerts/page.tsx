import type { Metadata } from "next";
import { AlertsOverview } from "@/components/alerts/alerts-overview";
import { getAlertsPage } from "@/lib/alerts/get-alerts";
import { loadConfig } from "@/lib/config/load-config";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AlertsPage({ searchParams }: Props) {
  const requested = (await searchParams).team;
  // Only a configured team filters; anything else shows every team.
  const team = loadConfig().teams.find((t) => t.slug === requested)?.slug;
  const model = await getAlertsPage();
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Alerts</h1>
      <AlertsOverview model={model} team={team} />
    </>
  );
}
