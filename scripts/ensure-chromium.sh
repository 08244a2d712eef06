#!/usr/bin/env bash
# Playwright drives Debian's Chromium (its own browser download is not
# available here). Installs it with apt-get when missing.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
echo "[chromium] installing Debian's chromium"
SUDO=""
[[ "$(id -u)" == "0" ]] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
