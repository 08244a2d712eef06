import "server-only";
import path from "node:path";
import { z } from "zod";

// The one place that reads process.env. Tokens are looked up by the variable
// name the config gives, and only ever handed to the Dagster transport.

const envSchema = z.object({
  HEALTHBOARD_CONFIG: z.string().min(1).default("healthboard.config.yaml"),
  HEALTHBOARD_DATA_DIR: z.string().min(1).default(".healthboard"),
});

export type ServerEnv = z.infer<typeof envSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!cached) {
    const result = envSchema.safeParse(process.env);
    if (!result.success) {
      const lines = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n  ${lines.join("\n  ")}`);
    }
    cached = {
      HEALTHBOARD_CONFIG: path.resolve(result.data.HEALTHBOARD_CONFIG),
      HEALTHBOARD_DATA_DIR: path.resolve(result.data.HEALTHBOARD_DATA_DIR),
    };
  }
  return cached;
}

/** The token held in the named variable, or undefined when it is unset or empty. */
export function readToken(variableName: string): string | undefined {
  const value = process.env[variableName];
  return value && value.length > 0 ? value : undefined;
}
