import { z } from "zod";
import { alertsRuntime } from "@/lib/alerts/alerts-runtime";
import { sendTestNotification } from "@/lib/alerts/send-test-notification";
import { badRequest } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

// "Send a test notification" per channel. Behind access control like every
// route (proxy.ts). POST only with a JSON body: a cross-site form cannot send
// one without a CORS preflight, which is refused. Answers never hold secrets.

export async function GET() {
  const { config } = await alertsRuntime();
  return Response.json({
    dryRun: config.alerts.dryRun,
    channels: config.alerts.channels.map((c) => ({ name: c.name, type: c.type })),
  });
}

const body = z.strictObject({ channel: z.string().min(1).max(64) });

export async function POST(request: Request) {
  if (!request.headers.get("content-type")?.startsWith("application/json"))
    return badRequest('send JSON: {"channel": "<name>"}');
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return badRequest('send JSON: {"channel": "<name>"}');
  const result = await sendTestNotification(parsed.data.channel);
  const status =
    result.outcome === "unknown-channel" ? 404 : result.outcome === "failed" ? 502 : 200;
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}
