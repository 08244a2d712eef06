#!/usr/bin/env bash
# Stops what dagster-up.sh started: each process group (a webserver, the daemon,
# a code server with the runs it launched). All get SIGTERM at once, so a run
# in progress can record that it was interrupted; the webserver and the daemon
# get up to 15 s to exit, then every group gets SIGKILL. Code servers are not
# waited for: `dagster code-server start` lets neither SIGTERM nor SIGINT stop
# it within 15 s, and stopping three took 45 s one after another.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
groups=()
waited=()
for pidfile in "$DAGSTER_HOME"/run/*.pid; do
  [[ -f "$pidfile" ]] || continue
  pid="$(cat "$pidfile")"
  rm -f "$pidfile"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || continue
  groups+=("$pid")
  [[ "$(basename "$pidfile")" == code-server-* ]] || waited+=("$pid")
done
# At least a second: a run worker that got SIGTERM writes its failure event.
sleep 1
for _ in $(seq 1 28); do
  alive=0
  for pid in "${waited[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  ((alive)) || break
  sleep 0.5
done
for pid in "${groups[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null; done
exit 0
