#!/usr/bin/env bash
# Seeds a Dagster home once: 14 days of backdated history, then one real run
# of every job on the running webserver. A marker file makes it idempotent;
# `RESEED=1 scripts/demo.sh` wipes the home and seeds again.
# Then, once per Healthboard data dir, the deploy history of that seeding
# (scripts/seed-healthboard-history.ts: real redeploys, recorded as seeded).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
export DAGSTER_PORT="${DAGSTER_PORT:-3070}"
PORT="$DAGSTER_PORT"
DATA_DIR="${HEALTHBOARD_DATA_DIR:-$ROOT/.healthboard}"
MARKER="$DAGSTER_HOME/seeded-at"
HB_MARKER="$DATA_DIR/seeded-history-at"
if [[ -f "$MARKER" ]]; then
  echo "[seed] already seeded at $(cat "$MARKER") (RESEED=1 to start over)"
else
  cd "$ROOT/demo"
  "$ROOT/.venv/bin/python" seed.py --history
  "$ROOT/.venv/bin/python" seed.py --launch "http://127.0.0.1:$PORT/graphql"
  date -u +%Y-%m-%dT%H:%M:%SZ >"$MARKER"
fi
if [[ -f "$HB_MARKER" ]]; then
  echo "[seed] Healthboard deploy history already seeded at $(cat "$HB_MARKER")"
  exit 0
fi
cd "$ROOT"
OUT="$ROOT/.healthboard-build/seed-healthboard-history.cjs"
npx esbuild scripts/seed-healthboard-history.ts --bundle --platform=node --format=cjs \
  --alias:server-only=./lib/testing/server-only-stub.ts --external:better-sqlite3 \
  --outfile="$OUT" --log-level=warning
# No Healthboard serves yet: the switch's CI annotation would only fail (the
# seed writes the deploy history itself).
HEALTHBOARD_DEPLOY_TOKEN= node "$OUT" --graphql "http://127.0.0.1:$PORT/graphql" \
  --deployment "${HEALTHBOARD_SEED_DEPLOYMENT:-local}" --data-dir "$DATA_DIR" \
  --switch "$ROOT/scripts/demo-switch.sh"
mkdir -p "$DATA_DIR"
date -u +%Y-%m-%dT%H:%M:%SZ >"$HB_MARKER"
