#!/usr/bin/env bash
# A private PostgreSQL server for the store conformance suite.
#
#   bash scripts/ci/postgres.sh start   # prints postgres://USER@127.0.0.1:PORT/copilot last
#   bash scripts/ci/postgres.sh stop
#   bash scripts/ci/postgres.sh url     # the URL of the running server, if any
#
# Installs Debian's `postgresql` package when no initdb is found, keeps its cluster under
# ${CAREER_COPILOT_CACHE:-$HOME/.cache/career-copilot}/pg (data, log, unix socket), and listens
# on 127.0.0.1 only, on the first free port from ${CAREER_COPILOT_PG_PORT:-55432}, with trust
# authentication and fsync off: a disposable test server on the loopback, never a real one.
# As root, the server runs as the `postgres` user, which is given traverse (x) permission on the
# directories above the cluster. Idempotent and fast: a second `start` finds the server running
# and only prints its URL; a pid file left by a killed server is cleaned up. Everything but the
# URL goes to stderr.
set -euo pipefail

CACHE=${CAREER_COPILOT_CACHE:-${HOME:?set HOME or CAREER_COPILOT_CACHE}/.cache/career-copilot}
DIR=$CACHE/pg
DATA=$DIR/data
RUN=$DIR/run
LOG=$DIR/server.log
DB=copilot

say() { echo "postgres.sh: $*" >&2; }

# The directory holding initdb and pg_ctl; installs PostgreSQL if there is none.
find_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z $bin ]] && command -v initdb >/dev/null 2>&1; then
        bin=$(dirname "$(readlink -f "$(command -v initdb)")")
    fi
    if [[ -z $bin || ! -x $bin/initdb ]]; then
        if [[ $(id -u) -ne 0 ]]; then
            say "initdb not found and not root: install PostgreSQL (apt-get install postgresql)"
            exit 1
        fi
        say "installing PostgreSQL from Debian's packages"
        # The package would create and start a system cluster on 5432; ours is private.
        mkdir -p /etc/postgresql-common
        if [[ ! -f /etc/postgresql-common/createcluster.conf ]]; then
            echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
        fi
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; }
        bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
    echo "$bin"
}

# The OS user the server runs as: postgres when we are root (it refuses to run as root).
server_user() {
    if [[ $(id -u) -eq 0 ]]; then echo postgres; else id -un; fi
}

as_server() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# As root, the cluster lives under /root, which the postgres user must be able to traverse.
allow_traverse() {
    [[ $(id -u) -eq 0 ]] || return 0
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    # Top down, so each test only fails for the directory that really lacks the permission.
    local d="" part
    local IFS=/
    for part in ${DIR#/}; do
        d=$d/$part
        [[ -d $d ]] || break
        if ! runuser -u postgres -- test -x "$d" 2>/dev/null; then
            if command -v setfacl >/dev/null 2>&1; then
                setfacl -m u:postgres:x "$d"
            else
                chmod o+x "$d"
            fi
            say "granted the postgres user traverse permission on $d"
        fi
    done
}

# Running means: a postmaster.pid whose process is a live postgres that answers. A pid file
# left by a killed server (its pid perhaps reused by another process) is removed.
running() {
    [[ -f $DATA/postmaster.pid ]] || return 1
    local pid
    pid=$(sed -n 1p "$DATA/postmaster.pid")
    if [[ -z $pid || $(cat "/proc/$pid/comm" 2>/dev/null) != postgres* ]]; then
        say "removing a stale postmaster.pid (pid ${pid:-none} is not a postgres server)"
        rm -f "$DATA/postmaster.pid"
        return 1
    fi
    local i
    for ((i = 0; i < 60; i++)); do
        "$BIN/pg_isready" -q -h 127.0.0.1 -p "$(port)" && return 0
        sleep 0.5
    done
    say "postgres (pid $pid) does not answer on port $(port)"
    exit 1
}

# A cluster made by another major version than $BIN: use that version's binaries if they are
# installed, else start again (the cluster is disposable test data).
match_version() {
    [[ -f $DATA/PG_VERSION ]] || return 0
    local made
    made=$(cat "$DATA/PG_VERSION")
    [[ $BIN == /usr/lib/postgresql/$made/bin ]] && return 0
    if [[ -x /usr/lib/postgresql/$made/bin/pg_ctl ]]; then
        BIN=/usr/lib/postgresql/$made/bin
    elif [[ $("$BIN/postgres" -V | grep -oE '[0-9]+' | head -n 1) != "$made" ]]; then
        say "the cluster was made by PostgreSQL $made, which is gone: making a new one"
        if [[ -f $DATA/postmaster.pid ]]; then
            kill "$(sed -n 1p "$DATA/postmaster.pid")" 2>/dev/null || true
        fi
        rm -rf "$DATA"
    fi
}

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The running server's port: line 4 of postmaster.pid.
port() {
    sed -n 4p "$DATA/postmaster.pid"
}

url() {
    echo "postgres://$(server_user)@127.0.0.1:$(port)/$DB"
}

ensure_db() {
    local found
    found=$("$BIN/psql" -h 127.0.0.1 -p "$(port)" -U "$(server_user)" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB'")
    if [[ $found != 1 ]]; then
        "$BIN/createdb" -h 127.0.0.1 -p "$(port)" -U "$(server_user)" "$DB"
    fi
}

start() {
    BIN=$(find_bin)
    match_version
    if running; then
        ensure_db
        url
        return
    fi
    mkdir -p "$DIR"
    allow_traverse
    if [[ $(id -u) -eq 0 ]]; then
        mkdir -p "$RUN"
        chown postgres: "$DIR" "$RUN"
    fi
    if [[ ! -f $DATA/PG_VERSION ]]; then
        say "initialising a cluster in $DATA"
        rm -rf "$DATA"
        as_server "$BIN/initdb" -D "$DATA" -U "$(server_user)" --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >&2 || as_server "$BIN/initdb" -D "$DATA" -U "$(server_user)" \
            --auth=trust --encoding=UTF8 --no-locale >&2
    fi
    as_server mkdir -p "$RUN"
    local port=${CAREER_COPILOT_PG_PORT:-55432}
    while ! port_free "$port"; do
        port=$((port + 1))
        if ((port > ${CAREER_COPILOT_PG_PORT:-55432} + 100)); then
            say "no free port near ${CAREER_COPILOT_PG_PORT:-55432}"
            exit 1
        fi
    done
    say "starting on 127.0.0.1:$port (log: $LOG)"
    as_server "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $RUN -c fsync=off -c max_connections=100" \
        start >&2 || { tail -n 20 "$LOG" >&2 || true; exit 1; }
    ensure_db
    url
}

stop() {
    BIN=$(find_bin)
    match_version
    if running; then
        as_server "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
    else
        say "not running"
    fi
}

case ${1:-} in
start) start ;;
stop) stop ;;
url)
    BIN=$(find_bin)
    match_version
    running && url
    ;;
*)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
