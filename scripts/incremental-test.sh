#!/usr/bin/env bash
# The incremental refresh's exactness test (lib/collector/incremental.integration.test.ts)
# against a Dagster of its own: it launches runs and reloads locations, which
# the shared e2e Dagster must not see. Fresh home, seeded as the demo is, on
# :3074; stopped at the end however the test ends.
#   INCREMENTAL_STEPS (default 6), INCREMENTAL_SEED (default: time-based)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="$ROOT/.dagster-home-inc"
export DAGSTER_PORT=3074
cd "$ROOT"
bash scripts/dagster-down.sh
rm -rf "$DAGSTER_HOME"
trap 'bash "$ROOT/scripts/dagster-down.sh"' EXIT
bash scripts/dagster-up.sh
(cd demo && "$ROOT/.venv/bin/python" seed.py --history && "$ROOT/.venv/bin/python" seed.py --launch "http://127.0.0.1:$DAGSTER_PORT/graphql")
INCREMENTAL_DAGSTER_URL="http://127.0.0.1:$DAGSTER_PORT" INCREMENTAL_DAGSTER_HOME="$DAGSTER_HOME" \
  INCREMENTAL_STEPS="${INCREMENTAL_STEPS:-6}" \
  npx vitest run --config vitest.integration.config.ts lib/collector/incremental.integration.test.ts
