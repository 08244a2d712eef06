#!/usr/bin/env bash
# Fails when the checked-in generated types are stale.
#   check-codegen.sh              regenerate from the checked-in schema SDL
#   check-codegen.sh GRAPHQL_URL  also re-introspect the pinned, running Dagster
# On a difference the fresh files are left in place, ready to commit.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
GEN=lib/dagster/generated
BACKUP="$(mktemp -d)"
trap 'rm -rf "$BACKUP"' EXIT
cp "$GEN/schema.graphql" "$GEN/graphql.ts" "$BACKUP/"
if [[ $# -ge 1 ]]; then
  DAGSTER_SCHEMA_SOURCE="$1" npx graphql-codegen --config codegen.ts --silent
else
  npx graphql-codegen --config codegen.ts --silent
fi
stale=0
for f in schema.graphql graphql.ts; do
  if ! cmp -s "$BACKUP/$f" "$GEN/$f"; then
    echo "[codegen] $GEN/$f was stale and has been regenerated; review and commit it." >&2
    stale=1
  fi
done
[[ $stale == 0 ]] && echo "[codegen] generated types are up to date${1:+ with $1}"
exit $stale
