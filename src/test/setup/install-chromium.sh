#!/bin/sh
# Installs Debian's Chromium and ChromeDriver for the browser tests: support.Browser runs this once when
# /usr/bin/chromium or /usr/bin/chromedriver is missing. Needs root, or sudo without a password prompt.
# Both packages are built from the same Debian source, so the driver always matches the browser.
set -eu

if [ "$(id -u)" -eq 0 ]; then
    as_root() { "$@"; }
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root() { sudo -n "$@"; }
else
    echo "install-chromium.sh: apt-get needs root or password-less sudo; run as root:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver fonts-noto-core" >&2
    exit 2
fi

as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
# fonts-noto-core: Vietnamese letters in the screenshots
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    chromium chromium-driver fonts-noto-core
