#!/usr/bin/env bash
# Seeds a Dagster home once: 14 days of backdated history, then one real run
# of every job on the running webserver. A marker file makes it idempotent;
# `RESEED=1 scripts/demo.sh` wipes the home and seeds again.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
PORT="${DAGSTER_PORT:-3070}"
MARKER="$DAGSTER_HOME/seeded-at"
if [[ -f "$MARKER" ]]; then
  echo "[seed] already seeded at $(cat "$MARKER") (RESEED=1 to start over)"
  exit 0
fi
cd "$ROOT/demo"
"$ROOT/.venv/bin/python" seed.py --history
"$ROOT/.venv/bin/python" seed.py --launch "http://127.0.0.1:$PORT/graphql"
date -u +%Y-%m-%dT%H:%M:%SZ >"$MARKER"
