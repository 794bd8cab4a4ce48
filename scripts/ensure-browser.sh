#!/bin/sh
# The browser test needs Chromium. Debian's package is used (a test tool's own browser download
# cannot work without internet access); install it when missing and we are allowed to.
set -eu
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser test (apt-get install chromium)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "The browser test needs Chromium at $CHROMIUM: install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
