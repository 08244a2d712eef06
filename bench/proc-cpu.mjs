// CPU time of processes read from /proc, for the benches that ask where CPU
// goes (process-cpu.mjs, dagster-cpu.mjs, abandoned-queries.mjs). Linux only.
import { readdirSync, readFileSync } from "node:fs";

const TICKS = 100; // USER_HZ on Linux

/** A file of /proc, or null when the process ended between the listing and the read. */
export function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** A process's environment variable, or undefined. */
export function procEnv(pid, name) {
  const entry = (readProc(pid, "environ") ?? "").split("\0").find((e) => e.startsWith(`${name}=`));
  return entry?.slice(name.length + 1);
}

/** A process's command line, its arguments joined by spaces. */
export const procCmdline = (pid) => (readProc(pid, "cmdline") ?? "").replaceAll("\0", " ");

/**
 * Keeps, per process (pid and start time, so a reused pid is another process),
 * the largest utime + stime seen over repeated samples: a process that starts
 * or ends between two samples counts what it used while seen, so every figure
 * is a floor. `classify(pid)` names a new process's group, or null to leave it
 * out; it is asked once per process. With `fromNow`, processes already running
 * at the first sample count only what they use after it.
 */
export class CpuLedger {
  #seen = new Map(); // pid:starttime → { group, ticks, base, pid }
  #ignored = new Set(); // pid:starttime of processes classify left out
  #first = true;

  constructor(classify, { fromNow = false } = {}) {
    this.classify = classify;
    this.fromNow = fromNow;
  }

  sample() {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
      const stat = readProc(pid, "stat");
      if (!stat) continue;
      // Fields after the command name, which may hold spaces: ") state ppid …".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      const key = `${pid}:${fields[19]}`; // field 22, starttime
      if (this.#ignored.has(key)) continue;
      const known = this.#seen.get(key);
      if (known) {
        known.ticks = Math.max(known.ticks, ticks);
        continue;
      }
      const group = this.classify(pid);
      if (group === null) {
        this.#ignored.add(key);
        continue;
      }
      const base = this.#first && this.fromNow ? ticks : 0;
      this.#seen.set(key, { group, ticks, base, pid });
    }
    this.#first = false;
    return this;
  }

  /** CPU-seconds per group since each process's first sample (or its start). */
  byGroup() {
    const groups = new Map();
    for (const { group, ticks, base } of this.#seen.values()) {
      groups.set(group, (groups.get(group) ?? 0) + (ticks - base) / TICKS);
    }
    return groups;
  }

  /** CPU-seconds of every process seen. */
  total() {
    let seconds = 0;
    for (const s of this.byGroup().values()) seconds += s;
    return seconds;
  }

  /** CPU-seconds per process seen: { pid, group, seconds }. */
  byProcess() {
    return [...this.#seen.values()].map(({ pid, group, ticks, base }) => ({
      pid,
      group,
      seconds: (ticks - base) / TICKS,
    }));
  }
}
