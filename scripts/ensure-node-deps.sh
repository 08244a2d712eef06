#!/usr/bin/env bash
# Installs node_modules with `npm ci` when package-lock.json changed since the
# last install (a stamp holds its hash), so a warm run costs nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
STAMP=node_modules/.healthboard-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
  exit 0
fi
echo "[node] npm ci"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" >"$STAMP"
