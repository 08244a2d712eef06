import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { teamSlugSchema } from "@/lib/api/team-params";
import { teamExists } from "@/lib/teams/get-team-page";

// Gates the team here, outside the page's loading boundary: once the page
// starts streaming its skeleton the status is sent, so a 404 must come first.
export default async function TeamLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ team: string }>;
}) {
  const { team } = await params;
  if (!teamSlugSchema.safeParse(team).success || !teamExists(team)) notFound();
  return children;
}
