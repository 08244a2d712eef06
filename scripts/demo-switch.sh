#!/usr/bin/env bash
# Flips a demo switch and reloads the code location, as a deploy would.
#   demo-switch.sh break    LOCATION   make the location raise at import
#   demo-switch.sh fix      LOCATION   undo `break`
#   demo-switch.sh redeploy LOCATION [VERSION]   reload with a new version tag
#   demo-switch.sh restart  LOCATION   reload with the same code (no deploy)
# A redeploy then records a CI annotation in Healthboard (POST /api/v1/deploys,
# docs/deploys.md) when HEALTHBOARD_DEPLOY_TOKEN is set: the commit is
# DEMO_COMMIT or the version, the author DEMO_AUTHOR or $USER.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster-home}"
PORT="${DAGSTER_PORT:-3070}"
DIR="${HEALTHBOARD_DEMO_SWITCHES:-$DAGSTER_HOME/switches}"
HEALTHBOARD_URL="${HEALTHBOARD_URL:-http://127.0.0.1:3000}"
if [[ $# -lt 2 ]]; then
  echo "usage: scripts/demo-switch.sh break|fix|redeploy|restart LOCATION [VERSION]" >&2
  echo "  locations: analytics-team, ml-platform, finance-reporting" >&2
  exit 2
fi
action="$1"
location="$2"
mkdir -p "$DIR"
version=""
case "$action" in
  break) touch "$DIR/$location.broken" ;;
  fix) rm -f "$DIR/$location.broken" ;;
  redeploy)
    version="${3:-v$(date +%s)}"
    echo "$version" >"$DIR/$location.version"
    ;;
  restart) ;;
  *) echo "unknown action $action" >&2; exit 2 ;;
esac
# The demo's own tooling reloads through Dagster's API; Healthboard itself never sends mutations.
curl -fsS -H 'content-type: application/json' \
  -d "{\"query\":\"mutation R(\$n: String!) { reloadRepositoryLocation(repositoryLocationName: \$n) { __typename } }\",\"variables\":{\"n\":\"$location\"}}" \
  "http://127.0.0.1:$PORT/graphql"
echo
if [[ "$action" == "redeploy" && -n "${HEALTHBOARD_DEPLOY_TOKEN:-}" ]]; then
  # What a CI step would send after deploying (docs/deploys.md). A Healthboard
  # that is down or refuses does not undo the redeploy: say so and go on.
  body="$(node -e 'const [l, e, c, a, m] = process.argv.slice(1); console.log(JSON.stringify({ location: l, environment: e, commit: c, author: a, message: m }))' \
    "$location" "${HEALTHBOARD_ENVIRONMENT:-local}" "${DEMO_COMMIT:-$version}" "${DEMO_AUTHOR:-${USER:-demo}}" "demo-switch redeploy $version")"
  curl -fsS -X POST -H "authorization: Bearer $HEALTHBOARD_DEPLOY_TOKEN" -H 'content-type: application/json' \
    -d "$body" "$HEALTHBOARD_URL/api/v1/deploys" || echo "demo-switch: could not annotate the deploy at $HEALTHBOARD_URL" >&2
  echo
fi
