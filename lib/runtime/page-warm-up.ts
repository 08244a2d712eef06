import "server-only";
import { getSnapshot } from "@/lib/collector/collectors";
import { listenPort, productionServer, serverEnv } from "@/lib/env";
import { runtimeWhenOpen } from "./runtime";
import { describeWarmUp, warmPages, warmPaths } from "./warm-pages";
import { setWarmUpState } from "./warm-up-state";

/** Each request's limit, and the whole warm-up's: it holds the replica's readiness. */
const REQUEST_TIMEOUT_MS = 10_000;
const TOTAL_TIMEOUT_MS = 60_000;

const log = (text: string) => console.log(`healthboard: first pages: ${text}`);

/** Why this server does not warm its pages, or null when it does. */
function skipReason(port: number | null): string | null {
  if (!productionServer()) return "not a production server";
  const { access } = serverEnv();
  if (access.basic || access.trustedUserHeader) return "access control is on";
  return port === null ? "the listening port is unknown" : null;
}

/**
 * Once the first snapshot is built, renders the first pages of a visit for
 * this server itself (lib/runtime/warm-pages.ts says why). Skipped under
 * access control (the server would have to send itself credentials, and the
 * proxy would refuse it before any page rendered) and outside production.
 */
export async function startPageWarmUp(): Promise<void> {
  const port = listenPort();
  const skip = skipReason(port);
  if (skip !== null || port === null) {
    setWarmUpState("skipped");
    log(`not rendered ahead of visitors: ${skip}`);
    return;
  }
  setWarmUpState("pending");
  try {
    // The store may not be up yet when replicas start beside their database.
    const rt = await runtimeWhenOpen();
    // Any other failure is not waited out: it is logged, and readiness goes on without warm pages.
    await getSnapshot();
    const results = await warmPages(
      `http://127.0.0.1:${port}`,
      warmPaths(rt.config.teams[0]?.slug),
      {
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        deadline: Date.now() + TOTAL_TIMEOUT_MS,
      },
    );
    log(`rendered ahead of visitors: ${describeWarmUp(results)}`);
  } finally {
    setWarmUpState("done");
  }
}
