#!/usr/bin/env bash
# make screenshots: render the ticket form and its chatter to docs/screenshots/*.png
# for the README. A throwaway database with the demo data in Spanish (Ecuador) is
# served on a free loopback port, photographed with headless Chromium, then dropped.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_odoo
require_test_tools
"$PY" -c 'import requests' 2>/dev/null || die "requests is missing from $PY (Odoo needs it)"

started=$(pg_start) || exit 1
db="gserp_shots_$$"
log="$LOCAL/screenshots-$db.log"
out="$REPO/docs/screenshots"
server_pid=
mkdir -p "$LOCAL"
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    fi
    psql_q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$LOCAL/data/filestore/$db"
    [ "$started" = started ] && pg_stop
    true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mapfile -t opts < <(odoo_opts)
port=$(free_port)
say "Database $db: installing gserp_tickets with its demo data and es_EC; log: $log"
"$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" -i base --stop-after-init --log-level=warn \
    --http-port="$port" >"$log" 2>&1 || { tail -40 "$log" >&2; die "could not create $db"; }
"$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" -i gserp_tickets --load-language=es_EC \
    --stop-after-init --log-level=warn --http-port="$port" >>"$log" 2>&1 \
    || { tail -40 "$log" >&2; die "could not install gserp_tickets"; }
"$PY" "$ODOO_BIN" shell "${opts[@]}" -d "$db" --no-http --log-level=warn \
    <"$REPO/tools/prepare_demo_db.py" >>"$log" 2>&1 || die "could not prepare $db"

say "Serving $db on http://127.0.0.1:$port"
"$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" --db-filter="^$db\$" --http-port="$port" \
    --max-cron-threads=0 --log-level=warn >>"$log" 2>&1 &
server_pid=$!
for _ in $(seq 120); do
    "$PY" -c "import requests, sys; requests.get('http://127.0.0.1:$port/web/health', timeout=2)" \
        2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { tail -40 "$log" >&2; die "the server stopped"; }
    sleep 1
done

"$PY" "$REPO/tools/screenshots.py" "http://127.0.0.1:$port" "$db" "$out"
say "screenshots: done, in ${out#"$REPO"/}"
