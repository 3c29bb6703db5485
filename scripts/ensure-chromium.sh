#!/usr/bin/env bash
# Playwright drives Debian's Chromium; browser downloads do not work on these machines.
# Installs chromium and the CJK fonts (Korean renders as boxes without them) when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium or fonts-noto-cjk is missing; run: sudo apt-get install -y chromium fonts-noto-cjk" >&2
  exit 1
fi
echo "Installing Debian's chromium and fonts-noto-cjk…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
fc-cache -f >/dev/null 2>&1 || true
