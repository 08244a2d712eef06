#!/usr/bin/env bash
# Every test: lint, typecheck, codegen freshness, unit tests, the build, and the
# Playwright suite in Debian's Chromium against a real, freshly seeded
# dagster-webserver (its own home and port, so a running demo is untouched).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
step() { printf '\n== %s\n' "$*"; }

step "install"
bash scripts/ensure-node-deps.sh
bash scripts/ensure-chromium.sh
bash scripts/python-env.sh

step "codegen is fresh"
bash scripts/check-codegen.sh
step "lint"
npx biome check .
step "typecheck"
npx tsc --noEmit
step "unit tests"
npx vitest run
step "build"
bash scripts/build-if-stale.sh

step "end-to-end Dagster"
export DAGSTER_HOME="$ROOT/.dagster-home-e2e"
export DAGSTER_PORT=3071
bash scripts/dagster-down.sh
rm -rf "$DAGSTER_HOME"
trap 'bash "$ROOT/scripts/dagster-down.sh"' EXIT
bash scripts/dagster-up.sh
bash scripts/check-codegen.sh "http://127.0.0.1:$DAGSTER_PORT/graphql"
bash scripts/seed-demo.sh

step "integration tests (collector against the real Dagster)"
E2E_DAGSTER_URL="http://127.0.0.1:$DAGSTER_PORT" npx vitest run --config vitest.integration.config.ts

step "end-to-end tests"
npx playwright test
