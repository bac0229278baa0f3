#!/usr/bin/env bash
# Makes Debian's Chromium available for the browser tests (Playwright drives /usr/bin/chromium; it never downloads a
# browser), with CJK fonts so Chinese pages render as text. Idempotent; as root or with sudo. Prints nothing on stdout.
# DELIBERATION_SKIP_BROWSER=1 skips installing (the browser tests then report themselves skipped).
set -euo pipefail
exec 1>&2

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

if [ "${DELIBERATION_SKIP_BROWSER:-0}" = "1" ]; then
  echo "Browser tests will be skipped (DELIBERATION_SKIP_BROWSER=1)."
  exit 0
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from the distribution's packages..."
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi
echo "Using $(/usr/bin/chromium --version 2>/dev/null || echo 'no chromium')"
