import { parseParams } from "@/lib/api/request-params";
import { contractsFilename, contractsParamsSchema } from "@/lib/contracts/contracts-params";
import { getContractsMarkdown } from "@/lib/contracts/get-contracts";
import { badRequest } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/contracts?team=&download=1: dependency contracts as Markdown. */
export async function GET(request: Request) {
  const params = parseParams(contractsParamsSchema, request.url);
  if (!params.ok) return badRequest(params.message);
  const { team, download } = params.value;
  const markdown = await getContractsMarkdown(team);
  if (markdown === null) return Response.json({ error: "unknown team" }, { status: 404 });
  const headers: Record<string, string> = {
    "content-type": "text/markdown; charset=utf-8",
    // The document carries its generation time: every request is a new one.
    "cache-control": "no-store",
  };
  if (download === "1") {
    headers["content-disposition"] =
      `attachment; filename="${contractsFilename(team, new Date())}"`;
  }
  return new Response(markdown, { status: 200, headers });
}
