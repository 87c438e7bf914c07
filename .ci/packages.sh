#!/usr/bin/env bash
# The Debian packages the tests use besides the PC/SC stack (.ci/pcscd-up.sh installs that): installed only when
# missing, so a machine that has them pays nothing.
#   sqlite3: the tamper and lock tests edit and hold the record with SQLite's own tool.
set -euo pipefail
need=()
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
  echo "packages: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
