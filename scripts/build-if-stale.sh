#!/usr/bin/env bash
# Runs `npm run build` (the first-frame script, then `next build`) unless the
# sources are byte-identical to the last build's. public/_hb/ is built output.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
STAMP=.next/healthboard-build.sha256
want="$(find app components lib public proxy.ts instrumentation.ts next.config.js postcss.config.mjs tsconfig.json package-lock.json \
  scripts/build-first-frame.mjs -type f -not -name '*.test.ts' -not -path 'public/_hb/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
if [[ -f .next/BUILD_ID && -f public/_hb/lineage-first-frame.js && -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
  echo "[build] up to date"
  exit 0
fi
npm run build --silent
echo "$want" >"$STAMP"
