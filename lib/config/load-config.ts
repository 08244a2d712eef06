import "server-only";
import { readFileSync } from "node:fs";
import { serverEnv } from "@/lib/env";
import type { HealthboardConfig } from "./config-schema";
import { ConfigError, parseConfig } from "./parse-config";

let cached: HealthboardConfig | undefined;

/** Reads and validates the config file once per server process. */
export function loadConfig(): HealthboardConfig {
  if (cached) return cached;
  const file = serverEnv().HEALTHBOARD_CONFIG;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ConfigError(file, [`cannot read the file (${reason}); set HEALTHBOARD_CONFIG`]);
  }
  cached = parseConfig(text, file);
  return cached;
}

/**
 * Loads the config at start-up (from instrumentation.ts). A config mistake
 * stops the server with one message naming each field and the file, instead
 * of a server that answers every request with a 500.
 */
export function loadConfigOrExit(): HealthboardConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\nHealthboard stopped: fix the config and start again.\n`);
    process.exit(1);
  }
}
