import { healthStatus } from "@/lib/collector/collectors";
import { pageWarmUpSettled } from "@/lib/runtime/page-warm-up";

export const dynamic = "force-dynamic";

// The load balancer's probe: 200 once this replica has a state to serve for
// every deployment (its own collection or another replica's) and has rendered
// its first pages (lib/runtime/page-warm-up.ts), else 503.
export function GET() {
  const collected = healthStatus();
  const warmedUp = pageWarmUpSettled();
  const health = { ...collected, ready: collected.ready && warmedUp, warmedUp };
  return Response.json(health, {
    status: health.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
