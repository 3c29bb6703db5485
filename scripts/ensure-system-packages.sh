#!/usr/bin/env bash
# Debian packages the app and its tests need, installed when missing (browser downloads do not
# work on these machines, so Playwright drives Debian's Chromium):
#   fonts-noto-cjk  the Korean font the PDF reports embed (and Chromium renders Korean with);
#   chromium        the browser of the e2e tests           (with --tests);
#   poppler-utils   pdftotext / pdftoppm, to read PDFs back (with --tests).
set -euo pipefail
packages=()
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' && [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || packages+=(fonts-noto-cjk)
if [ "${1:-}" = "--tests" ]; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || packages+=(poppler-utils)
fi
[ ${#packages[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages; run: sudo apt-get install -y ${packages[*]}" >&2
  exit 1
fi
echo "Installing ${packages[*]}…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fc-cache -f >/dev/null 2>&1 || true
