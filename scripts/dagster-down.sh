#!/usr/bin/env bash
# Stops what dagster-up.sh started: each process group (webserver or daemon
# with their code servers), waiting up to 15 s before forcing it.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
for pidfile in "$DAGSTER_HOME"/run/*.pid; do
  [[ -f "$pidfile" ]] || continue
  pid="$(cat "$pidfile")"
  rm -f "$pidfile"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || continue
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
done
