import { getOverview } from "@/lib/overview/get-overview";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await getOverview(), { headers: { "cache-control": "no-store" } });
}
