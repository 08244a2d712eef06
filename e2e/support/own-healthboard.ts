import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "@playwright/test";
import { spawnHealthboard, stopHealthboard } from "./spawn-healthboard";

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
