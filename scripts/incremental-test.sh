#!/usr/bin/env bash
# The incremental refresh's exactness test (lib/collector/incremental.integration.test.ts)
# against a Dagster of its own on :3074: it launches runs and reloads locations,
# which the shared e2e Dagster must not see. The test compares an incremental
# collector with full sweeps from whatever state Dagster is in, so its home is
# seeded once (the backdated history only) and kept between runs, and it runs
# without a daemon (the test launches every run it needs).
#   incremental-test.sh up    start (and seed once) its Dagster
#   incremental-test.sh run   run the test, then stop that Dagster
#   incremental-test.sh       both
#   INCREMENTAL_STEPS (default 3), INCREMENTAL_SEED (default: time-based)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="$ROOT/.dagster-home-inc"
export DAGSTER_PORT=3074
export DAGSTER_DAEMON=0
cd "$ROOT"
what="${1:-all}"
if [[ "$what" == "up" || "$what" == "all" ]]; then
  bash scripts/dagster-down.sh
  bash scripts/dagster-up.sh
  if [[ ! -f "$DAGSTER_HOME/seeded-at" ]]; then
    (cd demo && "$ROOT/.venv/bin/python" seed.py --history)
    date -u +%Y-%m-%dT%H:%M:%SZ >"$DAGSTER_HOME/seeded-at"
  fi
fi
if [[ "$what" == "run" || "$what" == "all" ]]; then
  trap 'bash "$ROOT/scripts/dagster-down.sh"' EXIT
  INCREMENTAL_DAGSTER_URL="http://127.0.0.1:$DAGSTER_PORT" INCREMENTAL_DAGSTER_HOME="$DAGSTER_HOME" \
    INCREMENTAL_STEPS="${INCREMENTAL_STEPS:-3}" \
    npx vitest run --config vitest.integration.config.ts lib/collector/incremental.integration.test.ts
fi
