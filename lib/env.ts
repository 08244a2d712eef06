import "server-only";
import path from "node:path";
import { z } from "zod";
import type { AccessPolicy } from "@/lib/security/access-control";

// The one place that reads process.env. Tokens are looked up by the variable
// name the config gives, and only ever handed to the Dagster transport.

const headerName = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,100}$/, "must be an HTTP header name such as X-Forwarded-User");

const envSchema = z
  .object({
    HEALTHBOARD_CONFIG: z.string().min(1).default("healthboard.config.yaml"),
    HEALTHBOARD_DATA_DIR: z.string().min(1).default(".healthboard"),
    // Optional access control (docs/access-control.md): basic auth, or trust
    // an authenticating reverse proxy that sets a user header.
    HEALTHBOARD_BASIC_AUTH_USER: z.string().min(1).optional(),
    HEALTHBOARD_BASIC_AUTH_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    HEALTHBOARD_TRUSTED_USER_HEADER: headerName.optional(),
    HEALTHBOARD_PUBLIC_BADGES: z.enum(["true", "false"]).default("false"),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (!!v.HEALTHBOARD_BASIC_AUTH_USER !== !!v.HEALTHBOARD_BASIC_AUTH_PASSWORD) {
      ctx.issues.push({
        code: "custom",
        input: v,
        path: ["HEALTHBOARD_BASIC_AUTH_PASSWORD"],
        message:
          "set both HEALTHBOARD_BASIC_AUTH_USER and HEALTHBOARD_BASIC_AUTH_PASSWORD, or neither",
      });
    }
    if (v.HEALTHBOARD_BASIC_AUTH_USER && v.HEALTHBOARD_TRUSTED_USER_HEADER) {
      ctx.issues.push({
        code: "custom",
        input: v,
        path: ["HEALTHBOARD_TRUSTED_USER_HEADER"],
        message: "choose one access control: basic auth or a trusted proxy header",
      });
    }
  });

export interface ServerEnv {
  HEALTHBOARD_CONFIG: string;
  HEALTHBOARD_DATA_DIR: string;
  access: AccessPolicy;
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!cached) {
    const result = envSchema.safeParse(process.env);
    if (!result.success) {
      const lines = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n  ${lines.join("\n  ")}`);
    }
    const e = result.data;
    cached = {
      HEALTHBOARD_CONFIG: path.resolve(e.HEALTHBOARD_CONFIG),
      HEALTHBOARD_DATA_DIR: path.resolve(e.HEALTHBOARD_DATA_DIR),
      access: {
        basic:
          e.HEALTHBOARD_BASIC_AUTH_USER && e.HEALTHBOARD_BASIC_AUTH_PASSWORD
            ? { user: e.HEALTHBOARD_BASIC_AUTH_USER, password: e.HEALTHBOARD_BASIC_AUTH_PASSWORD }
            : null,
        trustedUserHeader: e.HEALTHBOARD_TRUSTED_USER_HEADER?.toLowerCase() ?? null,
        publicBadges: e.HEALTHBOARD_PUBLIC_BADGES === "true",
      },
    };
  }
  return cached;
}

/** The token held in the named variable, or undefined when it is unset or empty. */
export function readToken(variableName: string): string | undefined {
  const value = process.env[variableName];
  return value && value.length > 0 ? value : undefined;
}

/**
 * The port this server listens on, or null when unknown: `next start` sets
 * PORT once its socket is bound (next/dist/server/lib/start-server.js).
 */
export function listenPort(): number | null {
  const port = Number(process.env.PORT);
  return Number.isInteger(port) && port > 0 && port < 65_536 ? port : null;
}

/** Whether this is a production server (`next start`), not `next dev`. */
export function productionServer(): boolean {
  return process.env.NODE_ENV === "production";
}
