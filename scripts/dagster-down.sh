#!/usr/bin/env bash
# Stops what dagster-up.sh started.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
for pidfile in "$DAGSTER_HOME"/run/*.pid; do
  [[ -f "$pidfile" ]] || continue
  pid="$(cat "$pidfile")"
  # Kill the process group's children (code servers) along with the parent.
  pkill -TERM -P "$pid" 2>/dev/null
  kill -TERM "$pid" 2>/dev/null
  rm -f "$pidfile"
done
