import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FiringStrip } from "@/components/alerts/firing-strip";
import { ContractsExport } from "@/components/contracts/contracts-export";
import { VersionHistoryPanel } from "@/components/deploys/version-history-panel";
import { TeamPromotionPanel } from "@/components/environments/team-promotion-panel";
import { ParamProblems } from "@/components/param-problems";
import { getFiringStrip } from "@/lib/alerts/get-alerts";
import { teamSlugSchema } from "@/lib/api/team-params";
import { loadConfig } from "@/lib/config/load-config";
import { getCachedLocationVersions, getCachedTeamPromotion } from "@/lib/deploys/team-page-reads";
import { linkEnvironment } from "@/lib/environments/env-href";
import { defaultEnvironment, pageEnvironment } from "@/lib/environments/environment-param";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { plural } from "@/lib/format";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { loadTeamSearchParams, unknownLocationProblem } from "@/lib/teams/team-search-params";
import { TeamPageClient } from "./_components/team-page-client";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { team } = await params;
  const config = loadConfig().teams.find((t) => t.slug === team);
  return { title: config ? `${config.name} health` : "Team not found" };
}

export default async function TeamPage({ params, searchParams }: Props) {
  const { team } = await params;
  if (!teamSlugSchema.safeParse(team).success) notFound();
  const query = await searchParams;
  const view = loadTeamSearchParams(query);
  // One environment at a time (docs/environments.md); an unknown one is a 404 (the proxy answers it first).
  const env = linkEnvironment(pageEnvironment(query.env), defaultEnvironment());
  const model = await getTeamPage(team, view.range, view.location, env);
  if (!model) notFound();
  const locationProblem = unknownLocationProblem(view.location, model.allLocations);
  const problems = locationProblem ? [...view.problems, locationProblem] : view.problems;
  const config = loadConfig();
  const urls = dagsterUrls(knownDeployments()); // with deployments found in Dagster+
  const [versions, promotion, firing] = await Promise.all([
    getCachedLocationVersions(model.locations, env),
    getCachedTeamPromotion(model.team.slug),
    getFiringStrip({ team: model.team.slug }),
  ]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">{model.team.name}</h1>
      <p className="mb-6 text-sm text-slate-500">
        Team <code>{model.team.slug}</code> · {plural(model.assets.length, "asset")} in{" "}
        {plural(model.allLocations.length, "code location")}
      </p>
      <FiringStrip strip={firing} team={model.team.slug} />
      <ContractsExport team={model.team.slug} />
      <ParamProblems problems={problems} />
      <TeamPromotionPanel checks={promotion} />
      <TeamPageClient
        initial={model}
        location={locationProblem ? undefined : view.location}
        list={view.list}
        urls={urls}
        refreshMs={config.refresh.assetStatusSeconds * 1000}
        allLocations={model.allLocations}
        env={env}
      />
      <div className="mt-8">
        <VersionHistoryPanel report={versions} />
      </div>
    </>
  );
}
