# Shared shell functions of the project's scripts: locate Odoo, run PostgreSQL.
# Sourced by the other scripts in tools/; it defines functions and variables only.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_HOME=${ODOO_HOME:-/opt/odoo}
LOCAL="$REPO/.local"
PG_PORT=${GSERP_PG_PORT:-55432}
PG_USER=${GSERP_PG_USER:-odoo}

say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Odoo 18.0 must be installed by hand at ODOO_HOME (see README): check it, never fetch it.
require_odoo() {
    local missing=()
    [ -f "$ODOO_HOME/18.0/odoo-bin" ] || missing+=("$ODOO_HOME/18.0/odoo-bin (Odoo 18.0 source tree)")
    [ -x "$ODOO_HOME/venv/bin/python" ] || missing+=("$ODOO_HOME/venv/bin/python (Python 3.11 virtualenv)")
    if [ ${#missing[@]} -gt 0 ]; then
        say "Odoo 18.0 was not found. ODOO_HOME is '$ODOO_HOME'; looked for:"
        printf '  - %s\n' "${missing[@]}" >&2
        die "install Odoo 18.0 there (see README.md, Prerequisites) or set ODOO_HOME."
    fi
    PY="$ODOO_HOME/venv/bin/python"
    ODOO_BIN="$ODOO_HOME/18.0/odoo-bin"
    (cd / && "$PY" -c 'import odoo, odoo.release as r; assert r.version_info[0] == 18, r.version' \
        >/dev/null 2>&1) || die "'import odoo' (18.0) fails in $PY: add the source to the venv (README.md)."
    [ -d "$ODOO_HOME/18.0/odoo/addons/web/static/lib/owl" ] \
        || die "$ODOO_HOME/18.0 lacks web/static/lib/owl: the source tree is incomplete."
}

# Python tools the tests and linters use, installed into Odoo's venv when absent.
require_test_tools() {
    local need=()
    "$PY" -c 'import websocket' 2>/dev/null || need+=(websocket-client)
    "$PY" -c 'import freezegun' 2>/dev/null || need+=(freezegun)
    if [ ${#need[@]} -gt 0 ]; then
        say "Installing into $ODOO_HOME/venv: ${need[*]}"
        "$PY" -m pip install -q "${need[@]}" || die "pip could not install ${need[*]}"
    fi
    command -v chromium >/dev/null || command -v google-chrome >/dev/null \
        || die "no chromium on PATH: browser tests would be skipped (apt-get install chromium)."
}

pg_bindir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

# A private cluster: data in .local/pg, listening on 127.0.0.1:$PG_PORT and a socket
# in its own folder. PostgreSQL refuses to run as root, so root runs it as 'postgres'.
pg_as() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_ready() {
    local bin; bin=$(pg_bindir) || return 1
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null
}

# The cluster lives in the project's .local/pg; when the 'postgres' user cannot reach
# that folder (a checkout under a private home), it lives in a folder of /tmp instead.
pg_data_dir() {
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$REPO" 2>/dev/null; then
        echo "/tmp/gserp_tickets-pg-$(echo "$REPO" | cksum | cut -d' ' -f1)"
    else
        echo "$LOCAL/pg"
    fi
}

pg_init() {
    local bin data; bin=$(pg_bindir) || die "PostgreSQL server not found (apt-get install postgresql)."
    data=$(pg_data_dir)
    [ -f "$data/PG_VERSION" ] && return 0
    mkdir -p "$data"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$data"; fi
    chmod 700 "$data"
    pg_as "$bin/initdb" -D "$data" -U "$PG_USER" --auth=trust -E UTF8 --locale=C.UTF-8 \
        >/dev/null || die "initdb failed in $data"
}

# Starts the private cluster unless one already answers on the port. Prints
# "started" when this call started it, so that the caller knows to stop it.
pg_start() {
    pg_ready && return 0
    local bin data; bin=$(pg_bindir) || die "PostgreSQL server not found (apt-get install postgresql)."
    pg_init
    data=$(pg_data_dir)
    say "Starting PostgreSQL on 127.0.0.1:$PG_PORT (data in $data)"
    pg_as "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='' \\
            -c fsync=off -c full_page_writes=off" \
        start >/dev/null || { tail -20 "$data/server.log" >&2; die "PostgreSQL did not start"; }
    echo started
}

pg_stop() {
    local bin data; bin=$(pg_bindir) || return 0
    data=$(pg_data_dir)
    [ -f "$data/postmaster.pid" ] || return 0
    say "Stopping PostgreSQL (data in $data)"
    pg_as "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
}

psql_q() {
    local bin; bin=$(pg_bindir)
    "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAX "$@"
}

# Common options of every odoo-bin call of the project.
odoo_opts() {
    printf '%s\n' \
        "--addons-path=$ODOO_HOME/18.0/odoo/addons,$REPO" \
        "--db_host=127.0.0.1" "--db_port=$PG_PORT" "--db_user=$PG_USER" \
        "--data-dir=$LOCAL/data" "--http-interface=127.0.0.1"
}

free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
