#!/usr/bin/env bash
# Restarts the cluster .ci/postgres-up.sh started (the store tests' "database restarted mid-day" fault).
# Fast mode: open sessions are cut, as in a real restart; waits until the server accepts connections again.
set -euo pipefail
DIR="$(cat /tmp/mynadesk-pg-test.dir)"
BIN="$(cat "$DIR/bin")"
if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 60 restart >/dev/null
else
    "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 60 restart >/dev/null
fi
