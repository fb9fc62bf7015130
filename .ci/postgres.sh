#!/usr/bin/env bash
# A private PostgreSQL cluster on loopback for the integration tests: start | stop.
# Runs as the postgres user (the server refuses root); listens on 127.0.0.1:55432 only.
set -euo pipefail
port=55432
dir=/tmp/tyss-pg
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

case "${1:-}" in
start)
    if ! command -v "$bin/initdb" >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    rm -rf "$dir" && mkdir -p "$dir" && chown postgres:postgres "$dir"
    su postgres -c "$bin/initdb -D $dir/data -A trust -U postgres >/dev/null"
    su postgres -c "$bin/pg_ctl -D $dir/data -l $dir/server.log -w -o '-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off' start >/dev/null"
    su postgres -c "psql -h 127.0.0.1 -p $port -U postgres -qc \"CREATE ROLE tyss LOGIN CREATEDB\""
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
    ;;
stop)
    [ -d "$dir/data" ] && su postgres -c "$bin/pg_ctl -D $dir/data -m fast -w stop >/dev/null" || true
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
