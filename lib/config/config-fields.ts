import { z } from "zod";

// Field types shared by the config's sections.

/** Environment variable names only: the config never holds a token or secret itself. */
export const envVarName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name such as DAGSTER_PROD_TOKEN");

export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lowercase letters, digits and dashes");

export const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((u) => u.replace(/\/+$/, ""));
