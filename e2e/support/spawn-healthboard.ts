import { type ChildProcess, spawn } from "node:child_process";

/**
 * A second production Healthboard (the build under test) with its own
 * environment, for settings the suite's main server does not use.
 */
export async function spawnHealthboard(
  port: number,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        HEALTHBOARD_CONFIG: "e2e/healthboard.e2e.yaml",
        HEALTHBOARD_DATA_DIR: `.healthboard-e2e-${port}`,
        E2E_DAGSTER_TOKEN: "hb-e2e-secret-token-7f3a9c",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let log = "";
  child.stdout?.on("data", (c) => {
    log += c;
  });
  child.stderr?.on("data", (c) => {
    log += c;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Healthboard exited:\n${log}`);
    const up = await fetch(`${url}/favicon.ico`).then(
      () => true,
      () => false,
    );
    if (up) return { child, url, output: () => log };
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Healthboard on ${port} did not start:\n${log}`);
}

export function stopHealthboard(child: ChildProcess | undefined) {
  if (child?.pid) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
}
