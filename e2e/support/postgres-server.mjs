// A throwaway PostgreSQL cluster for tests: initdb in a temporary directory,
// owned by an unprivileged user when run as root (PostgreSQL refuses root),
// listening on a Unix socket in that directory and, if a port is given, on
// 127.0.0.1. Debian's binaries live in /usr/lib/postgresql/<major>/bin.
import { execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function postgresBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const m of majors)
    if (existsSync(path.join(root, m, "bin", "initdb"))) return path.join(root, m, "bin");
  throw new Error(
    "PostgreSQL binaries not found (install Debian's postgresql, see scripts/ensure-system-deps.sh)",
  );
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
const USER = "nobody";

function run(bin, args, opts = {}) {
  const argv = asRoot ? ["-u", USER, "--", bin, ...args] : args;
  return execFileSync(asRoot ? "runuser" : bin, argv, { stdio: "pipe", ...opts });
}

/**
 * Starts a cluster and resolves with { url, socketDir, port, dir, stop() }.
 * `port` (optional) also opens TCP on 127.0.0.1:port; otherwise only the socket.
 */
export async function startPostgres({ port } = {}) {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), "healthboard-pg-"));
  if (asRoot) chownSync(dir, 65534, 65534);
  const data = path.join(dir, "data");
  run(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "healthboard",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  const pgPort = port ?? 5432;
  const args = [
    "-D",
    data,
    "-k",
    dir,
    "-p",
    String(pgPort),
    "-c",
    `listen_addresses=${port ? "127.0.0.1" : ""}`,
    "-c",
    "fsync=off",
    "-c",
    "max_connections=100",
  ];
  const child = spawn(
    asRoot ? "runuser" : path.join(bin, "postgres"),
    asRoot ? ["-u", USER, "--", path.join(bin, "postgres"), ...args] : args,
    { stdio: ["ignore", "ignore", "pipe"], detached: false },
  );
  let log = "";
  child.stderr.on("data", (d) => {
    log += d;
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      run(path.join(bin, "pg_isready"), [
        "-h",
        dir,
        "-p",
        String(pgPort),
        "-U",
        "healthboard",
        "-d",
        "postgres",
      ]);
      break;
    } catch {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`PostgreSQL did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const host = port ? "127.0.0.1" : encodeURIComponent(dir);
  const url = port
    ? `postgres://healthboard@127.0.0.1:${pgPort}/postgres`
    : `postgres://healthboard@${host}:${pgPort}/postgres`;
  return {
    url,
    socketDir: dir,
    port: pgPort,
    dir,
    /** The server's log so far (stderr). */
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        // SIGINT is PostgreSQL's fast shutdown; runuser does not forward it,
        // so signal the postmaster itself (its pid heads postmaster.pid).
        try {
          const pid = Number(
            readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0],
          );
          process.kill(pid, "SIGINT");
        } catch {
          child.kill("SIGINT");
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
