import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedFrame } from "@/components/embed/embed-frame";
import { ParamProblems } from "@/components/param-problems";
import { teamSlugSchema } from "@/lib/api/team-params";
import { loadConfig } from "@/lib/config/load-config";
import { embedInitialModel } from "@/lib/embed/embed-initial-model";
import { isTeamPanel, parseEmbedParams, TEAM_PANELS } from "@/lib/embed/embed-params";
import { linkEnvironment } from "@/lib/environments/env-href";
import { defaultEnvironment, pageEnvironment } from "@/lib/environments/environment-param";
import { knownDeployments } from "@/lib/environments/known-deployments";
import { dagsterUrls } from "@/lib/links/dagster-links";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { unknownLocationProblem } from "@/lib/teams/team-search-params";
import { EmbedTeamPanel } from "./_components/embed-team-panel";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ team: string; panel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { team, panel } = await params;
  const config = loadConfig().teams.find((t) => t.slug === team);
  const title =
    isTeamPanel(panel) && config ? `${config.name}: ${TEAM_PANELS[panel]}` : "Not found";
  return { title, robots: { index: false } };
}

/** One team-page panel, chrome-less, for an iframe on a wiki page. */
export default async function EmbedTeamPanelPage({ params, searchParams }: Props) {
  const { team, panel } = await params;
  if (!teamSlugSchema.safeParse(team).success || !isTeamPanel(panel)) notFound();
  const query = await searchParams;
  const view = parseEmbedParams(query);
  const env = linkEnvironment(pageEnvironment(query.env), defaultEnvironment());
  const model = await getTeamPage(team, view.range, view.location, env);
  if (!model) notFound();
  const locationProblem = unknownLocationProblem(view.location, model.allLocations);
  const problems = locationProblem ? [...view.problems, locationProblem] : view.problems;
  const config = loadConfig();
  const urls = dagsterUrls(knownDeployments());
  return (
    <EmbedFrame theme={view.theme} autoHeight={view.autoHeight}>
      <ParamProblems problems={problems} compact />
      <EmbedTeamPanel
        panel={panel}
        initial={embedInitialModel(panel, model)}
        location={locationProblem ? undefined : view.location}
        list={view.list}
        urls={urls}
        refreshMs={config.refresh.assetStatusSeconds * 1000}
        env={env}
      />
    </EmbedFrame>
  );
}
