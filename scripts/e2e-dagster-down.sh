#!/usr/bin/env bash
# Stops the end-to-end Dagsters that e2e-dagster-up.sh started (their homes stay, for reuse).
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DAGSTER_HOME="$ROOT/.dagster-home-e2e" bash "$ROOT/scripts/dagster-down.sh"
DAGSTER_HOME="$ROOT/.dagster-home-e2e-2" bash "$ROOT/scripts/dagster-down.sh"
