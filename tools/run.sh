#!/usr/bin/env bash
# make run: create or update the demo database (gserp_tickets with its demo data,
# Spanish (Ecuador) for the admin user) and serve it on http://127.0.0.1:$PORT.
# Re-running keeps the data: the module is updated, not reinstalled.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_odoo

db=${GSERP_DB:-gserp_demo}
port=${GSERP_HTTP_PORT:-8069}
started=$(pg_start) || exit 1
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then
        # Ctrl+C reaches the server too, which then shuts down gracefully: a second
        # signal would force it. It gets ten seconds before being told to stop.
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
        kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    fi
    [ "$started" = started ] && pg_stop
    true
}
trap cleanup EXIT
trap 'exit 0' INT
trap 'exit 143' TERM

mapfile -t opts < <(odoo_opts)
if [ -z "$(psql_q -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    say "Creating database $db"
    "$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" -i base --stop-after-init --log-level=warn \
        --http-port="$port" || die "could not create $db"
    "$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" -i gserp_tickets --load-language=es_EC \
        --stop-after-init --log-level=warn --http-port="$port" || die "could not install gserp_tickets"
else
    say "Updating gserp_tickets in $db (data kept)"
    "$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" -u gserp_tickets --stop-after-init \
        --log-level=warn --http-port="$port" || die "could not update gserp_tickets"
fi
"$PY" "$ODOO_BIN" shell "${opts[@]}" -d "$db" --no-http --log-level=warn \
    <"$REPO/tools/prepare_demo_db.py" >/dev/null || die "could not prepare $db for local use"

cat >&2 <<MSG

gserp_tickets is served on http://127.0.0.1:$port  (database $db)
Login: admin   Password: admin
Stop with Ctrl+C.
MSG
"$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" --db-filter="^$db\$" --http-port="$port" &
server_pid=$!
wait "$server_pid"
