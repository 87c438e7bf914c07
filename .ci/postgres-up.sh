#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests: Debian's postgresql package (installed when missing),
# initdb in a temporary folder, listening on 127.0.0.1:$PGPORT (default 55432) only, trust auth for the local
# test user. Prints one line: the JDBC URL (export it as MYNADESK_TEST_PG). Stop it with .ci/postgres-down.sh.
# Runs as the 'postgres' user when started as root (initdb refuses root).
set -euo pipefail
PORT="${PGPORT:-55432}"
STATE=/tmp/mynadesk-pg-test.dir
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    else
        sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
if [ -f "$STATE" ] && [ -d "$(cat "$STATE")" ]; then
    "$(dirname "$0")/postgres-down.sh" >&2 || true
fi
DIR="$(mktemp -d /tmp/mynadesk-pg.XXXXXX)"
echo "$DIR" > "$STATE"
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
as_owner "$BIN/initdb" -D "$DIR/data" -U mynadesk --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=on -c max_connections=200" start >&2 \
    || { cat "$DIR/server.log" >&2; exit 1; }
as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U mynadesk mynadesk_test >&2
# The tests restart the server (pg_ctl restart) to see desks survive it: they need the binary and the folder.
echo "$BIN" > "$DIR/bin"
echo "jdbc:postgresql://127.0.0.1:$PORT/mynadesk_test?user=mynadesk"
