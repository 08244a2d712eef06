import "server-only";
import { headers } from "next/headers";

// The CSP nonce of the request being rendered: proxy.ts puts the policy on the
// request's headers, where Next also reads it to stamp its own scripts. A
// script a page adds itself must carry the same nonce to run.

export async function requestNonce(): Promise<string | undefined> {
  const policy = (await headers()).get("content-security-policy") ?? "";
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}
