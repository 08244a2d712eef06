#!/usr/bin/env bash
# Debian packages the test suite starts for real: Chromium (Playwright's
# browser), Prometheus and Alertmanager, nginx (the load balancer in front of
# replicas) and PostgreSQL (the shared store). Installs only what is missing,
# so a warm machine pays one `dpkg -s` per package.
set -euo pipefail
PACKAGES=(chromium prometheus prometheus-alertmanager nginx postgresql)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "[system] installing Debian packages: ${missing[*]}"
SUDO=""
[[ "$(id -u)" == "0" ]] || SUDO="sudo"
$SUDO apt-get update -qq
# The packages' own services are not used (tests start each server in a
# temporary directory on a loopback port): policy-rc.d keeps apt from starting them.
POLICY=/usr/sbin/policy-rc.d
CREATED_POLICY=0
if [[ ! -e "$POLICY" ]]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
  $SUDO chmod +x "$POLICY"
  CREATED_POLICY=1
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
if ((CREATED_POLICY)); then $SUDO rm -f "$POLICY"; fi
