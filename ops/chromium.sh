#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a browser download). Idempotent: TRACKER_CHROMIUM or
# /usr/bin/chromium is used when present; otherwise, run as root, the Debian package is installed with apt.
set -euo pipefail
if [ -n "${TRACKER_CHROMIUM:-}" ] && [ -x "$TRACKER_CHROMIUM" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium: installing the Debian package chromium for the browser tests" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "chromium: the browser tests need Chromium: install the package chromium, or set TRACKER_CHROMIUM to a Chromium binary" >&2
exit 1
