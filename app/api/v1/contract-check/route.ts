import { parseParams } from "@/lib/api/request-params";
import { checkEnvironment, getContractCheck } from "@/lib/environments/get-environments";
import { badRequest } from "@/lib/http/json-response";
import { contractCheckParamsSchema } from "@/lib/promotion/check-params";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/contract-check?head=staging[&base=prod][&location=]: what promoting
 * the head environment's locations would break for other teams. Always 200 with
 * `breaking`; the CLI (scripts/healthboard.mjs) turns it into an exit code.
 */
export async function GET(request: Request) {
  const params = parseParams(contractCheckParamsSchema, request.url);
  if (!params.ok) return badRequest(params.message);
  const { base, head, location } = params.value;
  const problem =
    checkEnvironment("head", head) ?? (base === undefined ? null : checkEnvironment("base", base));
  if (problem) return badRequest(problem);
  const result = await getContractCheck({ base, head, location });
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
