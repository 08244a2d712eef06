import { healthStatus } from "@/lib/collector/collectors";

export const dynamic = "force-dynamic";

// The load balancer's probe: 200 once this replica has a state to serve for
// every deployment (its own collection or another replica's) and has rendered
// its first pages (lib/runtime/page-warm-up.ts), else 503.
export function GET() {
  const health = healthStatus();
  return Response.json(health, {
    status: health.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
