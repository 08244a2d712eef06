#!/usr/bin/env bash
# Starts the two real Dagsters the end-to-end suite reads, seeded:
#   :3071  the demo workspace (demo/) with its daemon, home .dagster-home-e2e,
#          plus the Healthboard deploy history of that seeding (.healthboard-e2e);
#   :3072  the second workspace (demo/second/), no daemon, home .dagster-home-e2e-2.
# Seeding takes minutes, so a seeded home is kept and reused when nothing that
# shapes it changed: the key hashes the demo code, the seed scripts, the pinned
# Dagster and the Healthboard code that records the seeded deploy history. A
# home older than E2E_SEED_MAX_AGE_HOURS (default 3) is seeded again, since the
# seed's history is relative to the time it ran (windows and freshness drift).
# E2E_RESEED=1 forces a new seed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export DAGSTER_HOME="$ROOT/.dagster-home-e2e"
export DAGSTER_PORT=3071
DATA_DIR="$ROOT/.healthboard-e2e"
SECOND_HOME="$ROOT/.dagster-home-e2e-2"
SECOND_PORT=3072
second() { DAGSTER_HOME="$SECOND_HOME" DAGSTER_PORT="$SECOND_PORT" DAGSTER_DAEMON=0 DAGSTER_WORKSPACE_DIR="$ROOT/demo/second" "$@"; }

key="$(find demo scripts/seed-demo.sh scripts/seed-healthboard-history.ts scripts/demo-switch.sh \
  scripts/dagster-up.sh scripts/dagster-init-home.sh scripts/e2e-dagster-up.sh lib/deploys lib/history \
  -type f -not -name '*.pyc' -not -path '*/__pycache__/*' -not -name '*.test.ts' -print0 |
  sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
KEY_FILE="$DAGSTER_HOME/seed-key"
max_age_s=$(( ${E2E_SEED_MAX_AGE_HOURS:-3} * 3600 ))

reuse=0
if [[ "${E2E_RESEED:-0}" != "1" && -f "$KEY_FILE" && -f "$SECOND_HOME/seed-key" && -f "$DATA_DIR/seeded-history-at" ]] &&
  [[ "$(cat "$KEY_FILE")" == "$key" && "$(cat "$SECOND_HOME/seed-key")" == "$key" ]]; then
  age=$(( $(date +%s) - $(stat -c %Y "$KEY_FILE") ))
  if (( age < max_age_s )); then reuse=1; else echo "[e2e-dagster] seeded $((age / 60)) min ago: seeding again"; fi
fi

bash scripts/dagster-down.sh
second bash scripts/dagster-down.sh
# dagster-up.sh takes a Dagster already answering on its port as its own: one
# another checkout started would then be seeded and tested (its runs launched,
# its locations reloaded). This checkout's are stopped by now, so refuse.
for port in "$DAGSTER_PORT" "$SECOND_PORT"; do
  if curl -sf -o /dev/null -m 5 -H 'content-type: application/json' -d '{"query":"{version}"}' \
    "http://127.0.0.1:$port/graphql"; then
    echo "[e2e-dagster] a Dagster this checkout did not start answers on :$port: stop it first" \
      "(scripts/e2e-dagster-down.sh of the checkout that started it)" >&2
    exit 1
  fi
done
if (( reuse )); then
  echo "[e2e-dagster] reusing the seeded homes (key ${key:0:12})"
  # A run that stopped half-way may have left a location broken or redeployed:
  # every test starts from the seeded state, versions the seed deployed included
  # (removing every switch put analytics-team back at the demo's v1).
  for home in "$DAGSTER_HOME" "$SECOND_HOME"; do
    rm -rf "$home/switches"
    if [[ -d "$home/seeded-switches" ]]; then cp -a "$home/seeded-switches" "$home/switches"; fi
  done
  bash scripts/dagster-up.sh
  second bash scripts/dagster-up.sh
  exit 0
fi

# Healthboard's e2e history described the old instance: the seed records the new one's.
rm -rf "$DAGSTER_HOME" "$SECOND_HOME" "$DATA_DIR"
bash scripts/dagster-up.sh
HEALTHBOARD_DATA_DIR="$DATA_DIR" bash scripts/seed-demo.sh
# The seed's redeploys left version switches: kept, so a reuse restores them.
rm -rf "$DAGSTER_HOME/seeded-switches"
if [[ -d "$DAGSTER_HOME/switches" ]]; then cp -a "$DAGSTER_HOME/switches" "$DAGSTER_HOME/seeded-switches"; fi
echo "$key" >"$KEY_FILE"
second bash scripts/dagster-up.sh
second "$ROOT/.venv/bin/python" demo/second/seed_second.py "http://127.0.0.1:$SECOND_PORT/graphql"
echo "$key" >"$SECOND_HOME/seed-key"
