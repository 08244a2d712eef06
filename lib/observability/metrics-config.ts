import { z } from "zod";

// The `metrics:` section of the config (docs/metrics.md). Kept here so the
// shared config schema only gains one line.

const envVarName = z
  .string()
  .regex(
    /^[A-Z_][A-Z0-9_]*$/,
    "must be an environment variable name such as HEALTHBOARD_METRICS_TOKEN",
  );

// A key as a list of parts, or one string split on "/" (how keys are written elsewhere).
const assetKey = z
  .union([z.array(z.string().min(1)).min(1), z.string().min(1)])
  .transform((k) => (typeof k === "string" ? k.split("/") : k));

/** The most consumed assets whose freshness lag is exported: each is a handful of series. */
export const MAX_LAG_ASSETS = 100;

export const metricsSchema = z
  .strictObject({
    // Optional bearer token scrapers must send to /metrics; the variable holds it.
    tokenEnv: envVarName.optional(),
    // Opt-in per consumed asset: freshness lag per consuming team (bounded cardinality).
    freshnessLag: z
      .array(
        z.strictObject({
          key: assetKey,
          /** Only this deployment's definition; every deployment defining the key when absent. */
          deployment: z.string().min(1).optional(),
        }),
      )
      .max(MAX_LAG_ASSETS, `must list at most ${MAX_LAG_ASSETS} assets (each adds series)`)
      .default([]),
  })
  .prefault({});

export type MetricsConfig = z.infer<typeof metricsSchema>;
