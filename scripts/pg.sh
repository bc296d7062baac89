#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests.
#   scripts/pg.sh start   start one (installing Debian's postgresql if needed) and print its URL
#   scripts/pg.sh url     print the URL of the running one
#   scripts/pg.sh stop    stop it and delete its files
# The cluster lives in a temporary folder; .pg/ in the repository remembers where.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${DETENTE_PG_STATE:-$REPO/.pg}
OWNER=${DETENTE_PG_OWNER:-postgres}  # initdb refuses root, so as root the cluster belongs to this user
DBNAME=detente
DBUSER=detente

die() { echo "pg.sh: $*" >&2; exit 1; }

# Directory holding initdb and pg_ctl, installing PostgreSQL first when there is none.
pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z $dir ]] && command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
        dir=$(dirname "$(command -v pg_ctl)")
    fi
    if [[ -z $dir ]]; then
        [[ $(id -u) == 0 ]] || die "PostgreSQL is not installed, and installing it needs root"
        echo "pg.sh: installing PostgreSQL (apt-get)" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    echo "$dir"
}

# Run a PostgreSQL program as the cluster's owner.
as_owner() {
    if [[ $(id -u) == 0 ]]; then
        runuser -u "$OWNER" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    local python
    python=$(command -v python3 || command -v python) || die "python3 is needed to pick a free port"
    "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

running() {
    [[ -f $STATE/dir && -f $STATE/url ]] || return 1
    local dir bin
    dir=$(cat "$STATE/dir")
    bin=$(pg_bindir)
    as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

start() {
    if running; then
        cat "$STATE/url"
        return
    fi
    stop
    local bin dir port url
    bin=$(pg_bindir)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/detente-pg.XXXXXX")
    if [[ $(id -u) == 0 ]]; then
        id "$OWNER" >/dev/null 2>&1 || useradd --system --no-create-home "$OWNER"
        chown "$OWNER" "$dir"
    fi
    mkdir -p "$STATE"
    echo "$dir" >"$STATE/dir"
    as_owner "$bin/initdb" -D "$dir/data" -U "$DBUSER" --auth=trust -E UTF8 --no-locale \
        --no-sync >"$dir/initdb.log" 2>&1 || die "initdb failed; see $dir/initdb.log"
    port=$(free_port)
    # Durability is switched off: the cluster is thrown away after the tests.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
        || die "the server did not start; see $dir/server.log"
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$DBUSER" "$DBNAME"
    url="postgresql://$DBUSER@127.0.0.1:$port/$DBNAME"
    echo "$url" >"$STATE/url"
    echo "$url"
}

stop() {
    [[ -f $STATE/dir ]] || return 0
    local dir bin
    dir=$(cat "$STATE/dir")
    if [[ -d $dir/data ]]; then
        bin=$(pg_bindir)
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [[ $dir == */detente-pg.* ]] && rm -rf "$dir"
    rm -f "$STATE/dir" "$STATE/url"
    rmdir "$STATE" 2>/dev/null || true
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) running && cat "$STATE/url" || die "no server running; run: scripts/pg.sh start" ;;
    *) echo "usage: scripts/pg.sh start|stop|url" >&2; exit 2 ;;
esac
