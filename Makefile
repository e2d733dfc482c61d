# gserp_tickets: the two commands of the README, and a few helpers around them.
# Odoo 18.0 is expected at $(ODOO_HOME) (default /opt/odoo); see README.md.
SHELL := /bin/bash
export ODOO_HOME ?= /opt/odoo

.PHONY: help run test lint pg-start pg-stop bench screenshots

help:
	@echo "make run    serve the demo database on http://127.0.0.1:8069"
	@echo "make test   install gserp_tickets on a throwaway database and run its tests"
	@echo "make lint   ruff and pylint-odoo on the addon"

run:
	@tools/run.sh

test:
	@tools/test.sh

lint:
	@tools/lint.sh

# For working sessions: keep the private PostgreSQL up between commands.
pg-start:
	@source tools/lib.sh && pg_start >/dev/null && echo "PostgreSQL on 127.0.0.1:$$PG_PORT, user $$PG_USER"

pg-stop:
	@source tools/lib.sh && pg_stop

# The service lookup benchmark (bench/README.md); e.g. make bench BENCH_ARGS=--keep
bench:
	@bench/run.sh $(BENCH_ARGS)

# The README's pictures of the form: docs/screenshots/*.png (tools/screenshots.sh)
screenshots:
	@tools/screenshots.sh
