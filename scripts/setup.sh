#!/usr/bin/env bash
# Installs what Northstar needs to build, run and test on Debian 12, only what is missing.
# Usage: scripts/setup.sh [run|test]
set -euo pipefail
mode="${1:-run}"

packages=(build-essential cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev libsodium-dev libspdlog-dev libcli11-dev
  libtomlplusplus-dev libxlsxwriter-dev zlib1g-dev sqlite3 tzdata nodejs npm)
if [[ "$mode" == "test" ]]; then
  packages+=(libgtest-dev libgmock-dev libbenchmark-dev postgresql chromium wrk python3-icalendar python3-openpyxl clang libclang-rt-14-dev clang-format)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from outside Debian (nvm, nodesource); accept any node >= 18 on PATH.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if (( ${#missing[@]} )); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
