#!/usr/bin/env bash
# Flips a demo switch and reloads the code location, as a deploy would.
#   demo-switch.sh break    LOCATION   make the location raise at import
#   demo-switch.sh fix      LOCATION   undo `break`
#   demo-switch.sh redeploy LOCATION [VERSION]   reload with a new version tag
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
PORT="${DAGSTER_PORT:-3070}"
DIR="${HEALTHBOARD_DEMO_SWITCHES:-$DAGSTER_HOME/switches}"
if [[ $# -lt 2 ]]; then
  echo "usage: scripts/demo-switch.sh break|fix|redeploy LOCATION [VERSION]" >&2
  echo "  locations: analytics-team, ml-platform, finance-reporting" >&2
  exit 2
fi
action="$1"
location="$2"
mkdir -p "$DIR"
case "$action" in
  break) touch "$DIR/$location.broken" ;;
  fix) rm -f "$DIR/$location.broken" ;;
  redeploy) echo "${3:-v$(date +%s)}" >"$DIR/$location.version" ;;
  *) echo "unknown action $action" >&2; exit 2 ;;
esac
# The demo's own tooling reloads through Dagster's API; Healthboard itself never sends mutations.
curl -fsS -H 'content-type: application/json' \
  -d "{\"query\":\"mutation R(\$n: String!) { reloadRepositoryLocation(repositoryLocationName: \$n) { __typename } }\",\"variables\":{\"n\":\"$location\"}}" \
  "http://127.0.0.1:$PORT/graphql"
echo
