#!/usr/bin/env bash
# The Debian packages the tests use besides the PC/SC stack (.ci/pcscd-up.sh installs that): installed only when
# missing, so a machine that has them pays nothing.
#   sqlite3: the tamper and lock tests edit and hold the record with SQLite's own tool.
#   chromium, chromium-driver, fonts-noto-cjk: the browser tests of `desk --web` (Japanese text in screenshots).
#   then axe-core from npm (src/test/js, pinned by its package-lock.json) for the accessibility check.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
need=()
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "packages: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -f src/test/js/node_modules/axe-core/axe.min.js ]; then
  echo "packages: npm ci (axe-core for the accessibility test)"
  (cd src/test/js && npm ci --no-audit --no-fund --loglevel=error)
fi
