import { parse as parseYaml, YAMLParseError } from "yaml";
import type { ZodError } from "zod";
import { configSchema, type HealthboardConfig } from "./config-schema";

/** A config mistake, with one line per problem naming the field and its path. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid Healthboard config ${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Renders a zod path as `teams[1].locations[0].deployment`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

function describeZodError(error: ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? formatPath(issue.path) : "(top level)";
    return `${where}: ${issue.message}`;
  });
}

/** Parses and validates config text. Pure: no file or environment access. */
export function parseConfig(text: string, file = "healthboard.config.yaml"): HealthboardConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const pos = err.linePos?.[0];
      throw new ConfigError(file, [
        `${pos ? `line ${pos.line}, column ${pos.col}` : "YAML"}: ${err.message.split("\n")[0]}`,
      ]);
    }
    throw err;
  }
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(file, describeZodError(result.error));
  return result.data;
}
