import "server-only";
import { readFileSync } from "node:fs";
import { serverEnv } from "@/lib/env";
import type { HealthboardConfig } from "./config-schema";
import { ConfigError, parseConfig } from "./parse-config";

let cached: HealthboardConfig | undefined;

/** The config file's path; the environment names it, so a mistake there is a config mistake. */
function configFile(): string {
  try {
    return serverEnv().HEALTHBOARD_CONFIG;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ConfigError(
      "(environment)",
      message
        .split("\n")
        .slice(1)
        .map((l) => l.trim()),
    );
  }
}

/** Reads and validates the config file once per server process. */
export function loadConfig(): HealthboardConfig {
  if (cached) return cached;
  const file = configFile();
  let text: string;
  try {
    // The path is chosen at run time: tell the bundler not to trace the whole project for it.
    text = readFileSync(/*turbopackIgnore: true*/ file, "utf8");
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
export function loadConfigOrExit(
  /** Start-up checks beyond the file (e.g. secrets it names are set): one line per problem. */
  check: (config: HealthboardConfig) => string[] = () => [],
): HealthboardConfig {
  try {
    const config = loadConfig();
    const problems = check(config);
    if (problems.length > 0) throw new ConfigError(configFile(), problems);
    return config;
  } catch (err) {
    // A config mistake is the user's: its message is enough. Anything else
    // keeps its stack, for a bug report; both go to stderr only.
    const text =
      err instanceof ConfigError ? err.message : String(err instanceof Error ? err.stack : err);
    process.stderr.write(`${text}\nHealthboard stopped: fix the config and start again.\n`);
    process.exit(1);
  }
}
