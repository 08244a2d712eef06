import { FiringStrip } from "@/components/alerts/firing-strip";
import { VersionHistoryPanel } from "@/components/deploys/version-history-panel";
import { TeamPromotionPanel } from "@/components/environments/team-promotion-panel";
import { getFiringStrip } from "@/lib/alerts/get-alerts";
import type { LocationRef } from "@/lib/deploys/location-graph";
import { getCachedLocationVersions, getCachedTeamPromotion } from "@/lib/deploys/team-page-reads";

// The team page's parts that read more than the team model (the alert store,
// the deploy store, every deployment's definitions). Each is its own async
// part, streamed in its Suspense boundary, so the heading and KPIs are sent
// without waiting for any of them.

export async function TeamFiring({ team }: { team: string }) {
  return <FiringStrip strip={await getFiringStrip({ team })} team={team} />;
}

export async function TeamPromotion({ team }: { team: string }) {
  return <TeamPromotionPanel checks={await getCachedTeamPromotion(team)} />;
}

export async function TeamVersions({ refs, env }: { refs: LocationRef[]; env?: string }) {
  return <VersionHistoryPanel report={await getCachedLocationVersions(refs, env)} />;
}
