#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium (Playwright's own browser download is not available here).
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The end-to-end tests need Chromium at $chromium_path: sudo apt-get install chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi
