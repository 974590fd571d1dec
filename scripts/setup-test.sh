#!/usr/bin/env bash
# Installs what the tests need beyond npm: Debian's Chromium (end-to-end tests) and pytest
# (generated regression tests run for real). Does nothing when both are already there.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import pytest' 2>/dev/null || need+=(python3-pytest)
if [ ${#need[@]} -eq 0 ]; then
  echo "setup:test: chromium and python3-pytest are installed."
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v apt-get >/dev/null; then
  echo "setup:test: please install ${need[*]} with your package manager (apt-get not found)." >&2
  exit 1
fi
echo "setup:test: installing ${need[*]} from Debian's packages..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
