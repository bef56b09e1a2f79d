#!/usr/bin/env bash
# The test command: installs what the export tests need when it is missing (a Korean font
# to draw Hangul, pdftoppm to rasterise PDFs; Debian/Ubuntu packages), then runs cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! { fc-list 2>/dev/null || true; } | grep -qi nanum || ! command -v pdftoppm >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends fonts-nanum fontconfig poppler-utils >/dev/null
fi
exec cargo test "$@"
