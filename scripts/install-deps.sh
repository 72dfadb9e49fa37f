#!/usr/bin/env bash
# Installs the Debian 12 packages Letopis needs to build, test and run. Idempotent: when every
# package is already present it does nothing (not even `apt-get update`).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsdl2-dev libsdl2-ttf-dev libimgui-dev libstb-dev libfreetype-dev
  libicu-dev libsqlite3-dev zlib1g-dev
  libhunspell-dev hunspell-ru mueller7accent-dict
  libespeak-ng-dev espeak-ng-data
  libcli11-dev googletest libgtest-dev libbenchmark-dev
  fonts-paratype
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Letopis: installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "Letopis: these packages are missing and this is not root, and sudo is not available:" >&2
  echo "  ${missing[*]}" >&2
  echo "Install them as root with: apt-get install ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
