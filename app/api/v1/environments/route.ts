import { parseParams } from "@/lib/api/request-params";
import { checkEnvironment, getComparison } from "@/lib/environments/get-environments";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";
import { comparisonParamsSchema } from "@/lib/promotion/check-params";

export const dynamic = "force-dynamic";

/** GET /api/v1/environments[?base=prod]: each code location across environments, with its asset diff. */
export async function GET(request: Request) {
  const params = parseParams(comparisonParamsSchema, request.url);
  if (!params.ok) return badRequest(params.message);
  const { base } = params.value;
  const problem = base === undefined ? null : checkEnvironment("base", base);
  if (problem) return badRequest(problem);
  return jsonWithEtag(request, await getComparison(base));
}
