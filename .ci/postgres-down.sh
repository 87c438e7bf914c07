#!/usr/bin/env bash
# Stops and removes the cluster .ci/postgres-up.sh started.
set -euo pipefail
STATE=/tmp/mynadesk-pg-test.dir
[ -f "$STATE" ] || exit 0
DIR="$(cat "$STATE")"
if [ -d "$DIR/data" ]; then
    BIN="$(cat "$DIR/bin" 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop || true
    else
        "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop || true
    fi
fi
rm -rf "$DIR" "$STATE"
