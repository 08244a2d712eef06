#!/usr/bin/env bash
# Stops the demo's two Dagsters: the seeded one (:3070) and staging (:3073).
# Healthboard itself stops with Ctrl-C in the terminal of scripts/demo.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}" bash "$ROOT/scripts/dagster-down.sh"
bash "$ROOT/scripts/staging-up.sh" down
