import "server-only";
import { getSnapshot } from "@/lib/collector/collectors";
import { listenPort, serverEnv } from "@/lib/env";
import { runtime } from "./runtime";
import { describeWarmUp, warmPages, warmPaths } from "./warm-pages";

/** Each page's limit: a hung render must not hold the replica's readiness for long. */
const PAGE_TIMEOUT_MS = 10_000;

// On globalThis: instrumentation.ts and the route handlers are bundled apart,
// so a module-level flag set by one would not be seen by the other.
const holder = globalThis as typeof globalThis & { __healthboardPagesWarm?: boolean };

/**
 * Once the first snapshot is built, renders the first pages of a visit for
 * this server itself (lib/runtime/warm-pages.ts says why). Skipped under
 * access control: the server would have to send itself credentials, and the
 * proxy would refuse it before any page rendered.
 */
export async function startPageWarmUp(): Promise<void> {
  try {
    const { access } = serverEnv();
    const port = listenPort();
    if (access.basic || access.trustedUserHeader || port === null) return;
    await getSnapshot();
    const rt = await runtime();
    const paths = warmPaths(rt.config.teams[0]?.slug);
    const results = await warmPages(`http://127.0.0.1:${port}`, paths, PAGE_TIMEOUT_MS);
    console.log(`healthboard: first pages rendered ahead of visitors: ${describeWarmUp(results)}`);
  } finally {
    holder.__healthboardPagesWarm = true;
  }
}

/**
 * Whether the warm-up is over (done, failed or skipped): /api/health waits for
 * it, so a load balancer sends a restarted replica's first visitors to warm pages.
 */
export function pageWarmUpSettled(): boolean {
  return holder.__healthboardPagesWarm === true;
}
