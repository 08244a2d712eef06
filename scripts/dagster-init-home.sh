#!/usr/bin/env bash
# Creates and migrates a Dagster instance's storage in one process, so that no
# two processes (webserver, daemon, seed script) ever create it at once.
# Idempotent: on an existing home it only checks that the schema is current.
#   DAGSTER_HOME  the home to prepare (must hold dagster.yaml already, or be empty)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${DAGSTER_HOME:?DAGSTER_HOME must be set}"
mkdir -p "$DAGSTER_HOME"
"$ROOT/.venv/bin/dagster" instance migrate >"$DAGSTER_HOME/instance-migrate.log" 2>&1 || {
  echo "[dagster] could not create the instance storage in $DAGSTER_HOME; log follows" >&2
  cat "$DAGSTER_HOME/instance-migrate.log" >&2
  exit 1
}
