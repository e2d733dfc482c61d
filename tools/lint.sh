#!/usr/bin/env bash
# make lint: ruff (lint and format check) and pylint-odoo on the addon and tools.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_odoo
pins=(ruff==0.17.6 pylint-odoo==10.0.12)
if ! "$PY" -m ruff --version >/dev/null 2>&1 || ! "$PY" -c 'import pylint_odoo' 2>/dev/null; then
    say "Installing into $ODOO_HOME/venv: ${pins[*]}"
    "$PY" -m pip install -q "${pins[@]}" || die "pip could not install ${pins[*]}"
fi
cd "$REPO"
paths=(gserp_tickets tools)
[ -d bench ] && paths+=(bench)
"$PY" -m ruff check "${paths[@]}"
"$PY" -m ruff format --check --diff "${paths[@]}"
"$PY" -m pylint --rcfile=.pylintrc gserp_tickets
say "lint: clean"
