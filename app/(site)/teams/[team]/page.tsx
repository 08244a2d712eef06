import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { StripBoundary } from "@/components/alerts/strip-boundary";
import { ContractsExport } from "@/components/contracts/contracts-export";
import { ParamProblems } from "@/components/param-problems";
import { SectionBoundary, SectionSkeleton } from "@/components/team/section-boundary";
import { teamSlugSchema } from "@/lib/api/team-params";
import { loadConfig } from "@/lib/config/load-config";
import { linkEnvironment } from "@/lib/environments/env-href";
import { defaultEnvironment, pageEnvironment } from "@/lib/environments/environment-param";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { plural } from "@/lib/format";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { firstScreenModel } from "@/lib/teams/first-screen";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { loadTeamSearchParams, unknownLocationProblem } from "@/lib/teams/team-search-params";
import { TeamPageClient } from "./_components/team-page-client";
import { TeamFiring, TeamPromotion, TeamVersions } from "./_components/team-sections";

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
  // The heading, KPIs and panels go out as soon as the team model is there
  // (no route-level loading boundary: its reveal came after the whole
  // document); the parts with reads of their own stream in after, each in its
  // own boundary. The long lists go out as a first page (lib/teams/first-screen.ts).
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">{model.team.name}</h1>
      <p className="mb-6 text-sm text-slate-500">
        Team <code>{model.team.slug}</code> · {plural(model.assets.length, "asset")} in{" "}
        {plural(model.allLocations.length, "code location")}
      </p>
      <StripBoundary>
        <Suspense fallback={<SectionSkeleton rows={1} />}>
          <TeamFiring team={model.team.slug} />
        </Suspense>
      </StripBoundary>
      <ContractsExport team={model.team.slug} />
      <ParamProblems problems={problems} />
      <SectionBoundary name="The promotion check">
        <Suspense fallback={<SectionSkeleton rows={1} />}>
          <TeamPromotion team={model.team.slug} />
        </Suspense>
      </SectionBoundary>
      <TeamPageClient
        initial={firstScreenModel(model, view.list)}
        location={locationProblem ? undefined : view.location}
        list={view.list}
        urls={urls}
        refreshMs={config.refresh.assetStatusSeconds * 1000}
        allLocations={model.allLocations}
        env={env}
      />
      <div className="mt-8">
        <SectionBoundary name="Versions">
          <Suspense fallback={<SectionSkeleton title="Versions" rows={4} />}>
            <TeamVersions refs={model.locations} env={env} />
          </Suspense>
        </SectionBoundary>
      </div>
    </>
  );
}
