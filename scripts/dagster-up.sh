#!/usr/bin/env bash
# Starts the demo dagster-webserver (and daemon) in the background and waits
# until its GraphQL endpoint answers. Idempotent: does nothing when the
# webserver is already answering on the port.
#   DAGSTER_PORT    (default 3070)
#   DAGSTER_HOME    (default .dagster-home)
#   DAGSTER_DAEMON  (default 1; 0 skips the daemon)
#   DAGSTER_WORKSPACE_DIR  (default demo/) the directory holding workspace.yaml
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${DAGSTER_PORT:-3070}"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
RUN_DIR="$DAGSTER_HOME/run"
WORKSPACE_DIR="$(cd "${DAGSTER_WORKSPACE_DIR:-$ROOT/demo}" && pwd)"
mkdir -p "$RUN_DIR" "$DAGSTER_HOME/switches"
cp "$ROOT/demo/dagster.yaml" "$DAGSTER_HOME/dagster.yaml"
bash "$ROOT/scripts/python-env.sh"

ping() { curl -fsS -m 3 -H 'content-type: application/json' -d '{"query":"{version}"}' "http://127.0.0.1:$PORT/graphql" >/dev/null 2>&1; }

if ping; then
  echo "[dagster] already answering on :$PORT"
  exit 0
fi

# Create and migrate the instance storage once, before anything else opens it:
# the webserver and the daemon started together on an empty home both create
# the SQLite storage, and the schedule storage can end up stamped twice
# ("alembic_version has more than one head"). Idempotent on an existing home.
bash "$ROOT/scripts/dagster-init-home.sh"

# One code server per location, shared by the webserver and the daemon
# (scripts/code-servers.py says why). Sockets under /tmp: a Unix socket's path
# is limited to 108 bytes, and a checkout's path may be long.
SOCKET_DIR="${TMPDIR:-/tmp}/hb-dagster-$(printf '%s' "$DAGSTER_HOME" | sha1sum | cut -c1-12)"
mkdir -p "$SOCKET_DIR"
# Code servers of an earlier start that went no further (the webserver never
# answered): theirs would be the sockets removed below.
for pidfile in "$RUN_DIR"/code-server-*.pid; do
  [[ -f "$pidfile" ]] || continue
  kill -KILL -- "-$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
done
rm -f "$SOCKET_DIR"/*.sock
plan="$("$ROOT/.venv/bin/python" "$ROOT/scripts/code-servers.py" "$WORKSPACE_DIR/workspace.yaml" \
  "$RUN_DIR/workspace.yaml" "$SOCKET_DIR")"
# setsid: each gets its own process group, so dagster-down.sh also stops the processes it spawns.
# 3>&- … 9>&-: they outlive this script, so they must not keep a descriptor it
# inherited; under `flock /tmp/e2e.lock …` they held the lock until stopped.
while IFS=$'\t' read -r name flag target workdir socket; do
  (cd "$workdir" || exit 1
    setsid nohup "$ROOT/.venv/bin/dagster" code-server start "$flag" "$target" \
      -d "$workdir" --location-name "$name" --socket "$socket" --log-level warning \
      >"$RUN_DIR/code-server-$name.log" 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
    echo $! >"$RUN_DIR/code-server-$name.pid")
done <<<"$plan"
# A code server opens its socket once its code has loaded (or failed to load,
# which it then serves as the location's error).
while IFS=$'\t' read -r name _ _ _ socket; do
  pid="$(cat "$RUN_DIR/code-server-$name.pid")"
  for _ in $(seq 1 240); do
    [[ -S "$socket" ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if [[ ! -S "$socket" ]]; then
    echo "[dagster] the code server of $name did not start; log follows" >&2
    tail -50 "$RUN_DIR/code-server-$name.log" >&2
    exit 1
  fi
done <<<"$plan"

cd "$WORKSPACE_DIR"
setsid nohup "$ROOT/.venv/bin/dagster-webserver" -w "$RUN_DIR/workspace.yaml" -h 127.0.0.1 -p "$PORT" \
  >"$RUN_DIR/webserver-$PORT.log" 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
echo $! >"$RUN_DIR/webserver-$PORT.pid"
if [[ "${DAGSTER_DAEMON:-1}" == "1" ]]; then
  setsid nohup "$ROOT/.venv/bin/dagster-daemon" run -w "$RUN_DIR/workspace.yaml" >"$RUN_DIR/daemon.log" 2>&1 \
    3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
  echo $! >"$RUN_DIR/daemon.pid"
fi

for _ in $(seq 1 120); do
  if ping; then echo "[dagster] webserver up on http://127.0.0.1:$PORT"; exit 0; fi
  sleep 1
done
echo "[dagster] webserver did not answer on :$PORT; log follows" >&2
tail -50 "$RUN_DIR/webserver-$PORT.log" >&2
exit 1
