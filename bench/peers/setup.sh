#!/usr/bin/env bash
# Once, before bench/peer_speed.sh: hyperfine and Liberation Sans from Debian
# (scripts/setup.sh lists them too), and Typst 0.14 from npm into
# bench/peers/node_modules (package-lock.json pins it). Not part of the build
# or the tests.
set -euo pipefail
cd "$(dirname "$0")"
missing=()
for p in hyperfine fonts-liberation2 poppler-utils python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js and npm from Debian unless the machine already has them (as
# scripts/setup.sh does: another npm may be installed without the package).
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
npm ci --no-audit --no-fund --loglevel=error
