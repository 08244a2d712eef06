#!/usr/bin/env bash
# Stops what dagster-up.sh started: each process group (a webserver, the daemon,
# a code server with the processes it spawned). The webserver and the daemon
# get SIGTERM and up to 15 s, all at once, before SIGKILL. Code servers get
# SIGKILL at once: `dagster code-server start` lets neither SIGTERM nor SIGINT
# stop it within 15 s, and it holds no state of its own (Dagster's storage is
# written by the webserver, the daemon and the runs).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
waiting=()
for pidfile in "$DAGSTER_HOME"/run/*.pid; do
  [[ -f "$pidfile" ]] || continue
  pid="$(cat "$pidfile")"
  rm -f "$pidfile"
  signal=TERM
  [[ "$(basename "$pidfile")" == code-server-* ]] && signal=KILL
  kill "-$signal" -- "-$pid" 2>/dev/null || kill "-$signal" "$pid" 2>/dev/null || continue
  waiting+=("$pid")
done
for _ in $(seq 1 30); do
  alive=()
  for pid in "${waiting[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
  ((${#alive[@]} == 0)) && exit 0
  sleep 0.5
done
for pid in "${alive[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
