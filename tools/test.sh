#!/usr/bin/env bash
# make test: a throwaway database, install gserp_tickets without demo data and with
# Spanish (Ecuador), run all its tests (Python and browser), drop the database.
# Fails on any failed or erroring test, any error in the log, any skipped test,
# and when no test ran at all.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_odoo
require_test_tools

started=$(pg_start) || exit 1
db="gserp_test_$$"
log="$LOCAL/test-$db.log"
mkdir -p "$LOCAL"
cleanup() {
    psql_q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$LOCAL/data/filestore/$db"
    [ "$started" = started ] && pg_stop
    true
}
trap cleanup EXIT

mapfile -t opts < <(odoo_opts)
port=$(free_port)
say "Database $db: installing base (no demo data)"
"$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" -i base --without-demo=all --stop-after-init \
    --log-level=warn --http-port="$port" >"$log" 2>&1 \
    || { tail -40 "$log" >&2; die "could not create the test database"; }

tags=${GSERP_TEST_TAGS:-/gserp_tickets}
say "Installing gserp_tickets with es_EC and running tests ($tags); log: $log"
set +e
"$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" -i gserp_tickets --load-language=es_EC \
    --without-demo=all --test-tags="$tags" --stop-after-init --log-level=test \
    --http-port="$port" --max-cron-threads=0 2>&1 | tee -a "$log" \
    | grep -E --line-buffered ' (ERROR|CRITICAL|WARNING) |FAIL:|ERROR:|skipped | of [0-9]+ tests' \
    | grep -v --line-buffered ' WARNING .* py.warnings: ' >&2
rc=${PIPESTATUS[0]}
set -e

# The whole suite also updates the addon in place, then uninstalls it.
shell_step() { GSERP_CHECK_STEP=$1 "$PY" "$ODOO_BIN" shell "${opts[@]}" -d "$db" \
    --no-http --log-level=warn <"$REPO/tools/check_upgrade.py" >>"$log" 2>&1; }
if [ -z "${GSERP_TEST_TAGS:-}" ]; then
    say "Checking -u gserp_tickets and its uninstall on $db (tools/check_upgrade.py)"
    { shell_step edit && "$PY" "$ODOO_BIN" "${opts[@]}" -d "$db" -u gserp_tickets \
        --stop-after-init --log-level=warn --http-port="$port" >>"$log" 2>&1 \
        && shell_step check && shell_step uninstall; } \
        || { say "test: update/uninstall check failed, see 'upgrade check' in $log"; rc=1; }
fi

# The full suite has browser tours: a run that started no browser ran none of them.
"$PY" "$REPO/tools/test_summary.py" "$log" "$rc" ${GSERP_TEST_TAGS:+--partial}
