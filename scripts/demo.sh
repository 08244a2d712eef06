#!/usr/bin/env bash
# The demo: real Dagster (three code locations, seeded history) plus Healthboard
# at http://localhost:3000. Installs what it needs; fast when already installed.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
export DAGSTER_PORT="${DAGSTER_PORT:-3070}"
PORT="${PORT:-3000}"
# CI annotations (POST /api/v1/deploys): the demo's switches post with this token.
export HEALTHBOARD_DEPLOY_TOKEN="${HEALTHBOARD_DEPLOY_TOKEN:-demo-deploy-token}"

DATA_DIR="${HEALTHBOARD_DATA_DIR:-$ROOT/.healthboard}"

if [[ "${RESEED:-0}" == "1" ]]; then
  # History is relative to the time of seeding; start over to make it current.
  # Healthboard's own history described the old instance: it goes too, so the
  # seed can record the new one's (scripts/seed-healthboard-history.ts).
  bash scripts/dagster-down.sh
  rm -rf "$DAGSTER_HOME"
  rm -f "$DATA_DIR"/deploys.sqlite* "$DATA_DIR"/kpis.sqlite* "$DATA_DIR/seeded-history-at"
fi
bash scripts/ensure-node-deps.sh
bash scripts/python-env.sh
bash scripts/dagster-up.sh
bash scripts/staging-up.sh  # staging (demo/staging/) on :3073, for /environments
HEALTHBOARD_DATA_DIR="$DATA_DIR" bash scripts/seed-demo.sh
bash scripts/build-if-stale.sh

cat <<MSG

  Healthboard   http://localhost:$PORT
  Dagster UI    http://127.0.0.1:$DAGSTER_PORT
  Switches      scripts/demo-switch.sh break ml-platform | fix ml-platform | redeploy analytics-team
  Staging       http://127.0.0.1:${STAGING_PORT:-3073} (a second Dagster, for /environments)
  Stop          Ctrl-C stops Healthboard; scripts/demo-down.sh stops both Dagsters

MSG
exec npx next start -p "$PORT"
