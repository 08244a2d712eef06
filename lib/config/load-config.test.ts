import { afterEach, describe, expect, it, vi } from "vitest";

// load-config and lib/env cache per process: each test loads them afresh.
async function freshLoadConfig(configPath: string) {
  vi.resetModules();
  vi.stubEnv("HEALTHBOARD_CONFIG", configPath);
  const [loader, { ConfigError }] = await Promise.all([
    import("./load-config"),
    import("./parse-config"),
  ]);
  return { ...loader, ConfigError };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("loadConfig", () => {
  it("reports an environment mistake as a config mistake naming the variable", async () => {
    const { loadConfig, ConfigError } = await freshLoadConfig("");
    expect(() => loadConfig()).toThrow(ConfigError);
    expect(() => loadConfig()).toThrow(/HEALTHBOARD_CONFIG: /);
  });

  it("names the file it cannot read", async () => {
    const { loadConfig } = await freshLoadConfig("/nonexistent/healthboard.yaml");
    expect(() => loadConfig()).toThrow(/nonexistent\/healthboard\.yaml[\s\S]*cannot read the file/);
  });
});

describe("loadConfigOrExit", () => {
  it("prints the problems without a stack and exits 1", async () => {
    const { loadConfigOrExit } = await freshLoadConfig("/nonexistent/healthboard.yaml");
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    expect(() => loadConfigOrExit()).toThrow("exit 1");
    const text = written.join("");
    expect(text).toMatch(
      /^Invalid Healthboard config \/nonexistent\/healthboard\.yaml:\n {2}- cannot read/,
    );
    expect(text).not.toMatch(/\n\s+at /);
  });
});
