#!/usr/bin/env bash
# Re-introspects the schema from the pinned dagster-webserver (started by
# dagster-up.sh) and regenerates the typed documents. Run after changing the
# pinned Dagster version; commit the resulting diff.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/dagster-up.sh"
cd "$ROOT"
DAGSTER_SCHEMA_SOURCE="http://127.0.0.1:${DAGSTER_PORT:-3070}/graphql" npx graphql-codegen --config codegen.ts
