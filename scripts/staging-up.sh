#!/usr/bin/env bash
# Starts the staging Dagster (demo/staging/: the same three code locations with
# a changed analytics-team) as a second real instance, for the environment
# comparison and the contract check. Its own home and port, no daemon and no
# seed: the comparison reads definitions only. Idempotent (dagster-up.sh).
#   STAGING_HOME (default .dagster-home-staging)  STAGING_PORT (default 3073)
#   scripts/staging-up.sh down   stops it
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="${STAGING_HOME:-$ROOT/.dagster-home-staging}"
export DAGSTER_PORT="${STAGING_PORT:-3073}"
export DAGSTER_DAEMON=0
export DAGSTER_WORKSPACE_DIR="$ROOT/demo/staging"
if [[ "${1:-up}" == "down" ]]; then
  exec bash "$ROOT/scripts/dagster-down.sh"
fi
exec bash "$ROOT/scripts/dagster-up.sh"
