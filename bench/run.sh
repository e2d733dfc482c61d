#!/usr/bin/env bash
# make bench: the benchmark of the ticket form's service lookup (see bench/README.md).
# Database bench_lookup gets gserp_tickets without demo data and es_EC, then 300,000
# contacts and 300,000 services (bench/fill_lookup.py); bench/service_lookup.py times
# the dropdown search with and without its indexes and prints a table. A database
# kept by an earlier --keep run is reused (the addon updated); --fresh rebuilds it.
# The database is dropped at the end unless --keep. Exits 0 whether or not the target
# is met: it is a benchmark, its verdict is printed.
#   bench/run.sh [--fresh] [--keep] [--contacts N] [--services N] [--seed S]
#                [--queries N] [--target-ms MS]
# With "tickets" first, the ticket views benchmark instead, on database bench_tickets
# built afresh each time: bench/ticket_views.py loads 10,000 then 100,000 tickets and
# times the list, kanban and report calls of the web client at both sizes.
#   bench/run.sh tickets [--keep] [--small N] [--large N] [--repeat N] [--seed S]
#                [--target-ms MS]
set -euo pipefail
source "$(dirname "$0")/../tools/lib.sh"

db=bench_lookup
fresh=0 keep=0 fill_args=() lookup_args=() ticket_args=()
if [ "${1:-}" = tickets ]; then
    db=bench_tickets fresh=1
    shift
fi
while [ $# -gt 0 ]; do
    case "$1" in
        --small | --large | --repeat) ticket_args+=("$1" "${2:?$1 needs a value}"); shift ;;
        --fresh) fresh=1 ;;
        --keep) keep=1 ;;
        --contacts | --services | --seed) fill_args+=("$1" "${2:?$1 needs a value}"); shift ;;
        --queries | --target-ms) lookup_args+=("$1" "${2:?$1 needs a value}"); shift ;;
        -h | --help) sed -n '2,15s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) die "unknown option $1 (try --help)" ;;
    esac
    shift
done

require_odoo
started=$(pg_start) || exit 1
log="$LOCAL/${db/_/-}.log"
mkdir -p "$LOCAL"
: >"$log"
cleanup() {
    if [ "$keep" = 0 ]; then
        psql_q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
        rm -rf "$LOCAL/data/filestore/$db"
    fi
    [ "$started" = started ] && pg_stop
    true
}
trap cleanup EXIT

db_psql() {
    "$(pg_bindir)/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$db" -qtAX "$@"
}

mapfile -t opts < <(odoo_opts)
opts+=("-d" "$db" "--without-demo=all" "--log-level=warn" "--max-cron-threads=0")
odoo() {
    "$PY" "$ODOO_BIN" "${opts[@]}" --http-port="$(free_port)" --stop-after-init "$@" \
        >>"$log" 2>&1 || { tail -40 "$log" >&2; die "odoo-bin $* failed (log: $log)"; }
}

exists=$(psql_q -c "SELECT 1 FROM pg_database WHERE datname = '$db'")
installed=
[ -n "$exists" ] && installed=$(db_psql -c \
    "SELECT 1 FROM ir_module_module WHERE name = 'gserp_tickets' AND state = 'installed'" \
    2>/dev/null || true)
if [ "$fresh" = 1 ] || { [ -n "$exists" ] && [ -z "$installed" ]; }; then
    say "Dropping database $db"
    psql_q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null
    rm -rf "$LOCAL/data/filestore/$db"
    installed=
fi

SECONDS=0
if [ -n "$installed" ]; then
    say "Database $db exists: updating gserp_tickets (log: $log)"
    odoo -u gserp_tickets
else
    say "Database $db: installing base, then gserp_tickets with es_EC (log: $log)"
    odoo -i base
    odoo -i gserp_tickets --load-language=es_EC
fi
say "Odoo ready in ${SECONDS} s"

if [ "$db" = bench_tickets ]; then
    # --seed and --target-ms are the ticket benchmark's own in this mode.
    "$PY" "$REPO/bench/ticket_views.py" "${ticket_args[@]}" "${fill_args[@]}" \
        "${lookup_args[@]}" -- "${opts[@]}"
else
    "$PY" "$REPO/bench/fill_lookup.py" "${fill_args[@]}" -- "${opts[@]}"
    "$PY" "$REPO/bench/service_lookup.py" "${lookup_args[@]}" -- "${opts[@]}"
fi
[ "$keep" = 1 ] && say "Database $db kept (bench/run.sh --fresh rebuilds it)"
true
