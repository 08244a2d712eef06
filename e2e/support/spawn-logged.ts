import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

/**
 * Starts a server the suite owns in its own process group (so it can be
 * stopped with everything it forked), keeping its output for error messages.
 */
export function spawnLogged(
  command: string,
  args: string[],
  env?: SpawnOptions["env"],
): { child: ChildProcess; output: () => string; stop: () => void } {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout?.on("data", (c) => {
    log += c;
  });
  child.stderr?.on("data", (c) => {
    log += c;
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
    }
  };
  return { child, output: () => log, stop };
}
