import { z } from "zod";
import { assetDetail } from "@/lib/api/asset-detail";
import { getSnapshot } from "@/lib/collector/collectors";
import { badRequest, jsonWithEtag } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

// ?key=["ml","product_embeddings"]: the key as a JSON array, since components may contain "/".
const keySchema = z.array(z.string().min(1).max(500)).min(1).max(50);

export async function GET(request: Request) {
  const raw = new URL(request.url).searchParams.get("key");
  if (!raw || raw.length > 5_000) return badRequest("key: required, a JSON array of strings");
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return badRequest("key: not valid JSON; expected an array of strings");
  }
  const key = keySchema.safeParse(parsed);
  if (!key.success) return badRequest("key: expected a non-empty array of strings");
  const detail = assetDetail(await getSnapshot(), key.data);
  if (!detail) return Response.json({ error: "no asset with this key" }, { status: 404 });
  return jsonWithEtag(request, detail);
}
