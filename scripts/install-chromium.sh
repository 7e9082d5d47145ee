#!/bin/sh
# Install Debian's chromium for the browser tests (tests marked `browser`) and bench/bench_views.py.
# Idempotent: does nothing when /usr/bin/chromium is already there. Needs root for apt-get.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "chromium is missing and this script is not running as root: run it with sudo," >&2
    echo "or install Debian's chromium package yourself (apt-get install chromium)." >&2
    exit 1
fi

echo "installing chromium with apt-get..."
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium
echo "installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
