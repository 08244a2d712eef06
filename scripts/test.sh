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
bash scripts/ensure-system-deps.sh
bash scripts/python-env.sh

step "codegen is fresh"
bash scripts/check-codegen.sh
step "Dagster+ schema (April 2026): every query document validates"
# Dagster+ cannot be reached from here; its published schema stands in (docs/dagster-plus.md).
PLUS_SCHEMA="${HEALTHBOARD_PLUS_SCHEMA:-$ROOT/../shared/reference/dagster-plus-schema-2026-04.graphql}"
node scripts/check-plus-schema.mjs "$PLUS_SCHEMA"
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
# The second workspace (demo/second/, e2e/second-workspace.spec.ts): its own
# home and port, no daemon (its seed launches every run it needs).
SECOND_HOME="$ROOT/.dagster-home-e2e-2"
SECOND_PORT=3072
second() { DAGSTER_HOME="$SECOND_HOME" DAGSTER_PORT="$SECOND_PORT" DAGSTER_DAEMON=0 DAGSTER_WORKSPACE_DIR="$ROOT/demo/second" "$@"; }
bash scripts/dagster-down.sh
second bash scripts/dagster-down.sh
# Healthboard's e2e history described the old instance: the seed records the new one's.
rm -rf "$DAGSTER_HOME" "$SECOND_HOME" "$ROOT/.healthboard-e2e"
trap 'bash "$ROOT/scripts/dagster-down.sh"; second bash "$ROOT/scripts/dagster-down.sh"; STAGING_HOME="$ROOT/.dagster-home-e2e-staging" bash "$ROOT/scripts/staging-up.sh" down' EXIT
bash scripts/dagster-up.sh
bash scripts/check-codegen.sh "http://127.0.0.1:$DAGSTER_PORT/graphql"
HEALTHBOARD_DATA_DIR="$ROOT/.healthboard-e2e" bash scripts/seed-demo.sh
second bash scripts/dagster-up.sh
second "$ROOT/.venv/bin/python" demo/second/seed_second.py "http://127.0.0.1:$SECOND_PORT/graphql"
STAGING_HOME="$ROOT/.dagster-home-e2e-staging" bash scripts/staging-up.sh  # e2e/environments.spec.ts

step "integration tests (collector against the real Dagster)"
E2E_DAGSTER_URL="http://127.0.0.1:$DAGSTER_PORT" npx vitest run --config vitest.integration.config.ts

step "end-to-end tests"
npx playwright test
