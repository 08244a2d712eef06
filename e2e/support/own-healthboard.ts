import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "@playwright/test";
import { spawnHealthboard, stopHealthboard } from "./spawn-healthboard";

// An own Healthboard loads the shared Dagster's run and materialization history
// in the background, behind the suite's other readers of that Dagster: over 45 s
// on a loaded CI run (3 December 2026). A spec that waits for that history polls
// with FIRST_HISTORY_POLL inside tests of FIRST_HISTORY_TEST_TIMEOUT_MS. The
// budgets only catch data that never comes; the checks do not depend on them.
export const FIRST_HISTORY_POLL = { timeout: 120_000, intervals: [1_000] };
export const FIRST_HISTORY_TEST_TIMEOUT_MS = 240_000;

/**
 * A Healthboard of the spec's own on `port` (the perf helper's range, 3150–3159)
 * with a temporary data directory, started before the spec's tests and
 * stopped (its directory removed) after them. Returns its base URL getter.
 * `env` (read when the spec's tests start) adds to or overrides its environment.
 */
export function ownHealthboard(
  port: number,
  env: () => Record<string, string> = () => ({}),
): () => string {
  let server: Awaited<ReturnType<typeof spawnHealthboard>> | undefined;
  let dataDir = "";
  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), `hb-${port}-`));
    server = await spawnHealthboard(port, { HEALTHBOARD_DATA_DIR: dataDir, ...env() });
  });
  test.afterAll(() => {
    stopHealthboard(server?.child);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new Error("Healthboard not started");
    return server.url;
  };
}
