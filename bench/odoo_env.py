"""Open an Odoo 18.0 environment from a plain benchmark script, without odoo-bin.

A script's command line holds its own options, then "--", then the options of
odoo-bin (those of tools/lib.sh's odoo_opts, and -d DATABASE). The latter go through
odoo.tools.config exactly as odoo-bin would parse them.
"""

import contextlib
import sys

import odoo
from odoo.modules.registry import Registry


def split_argv(argv):
    """(script options, odoo-bin options) of a command line split at '--'."""
    if "--" not in argv:
        return argv, []
    cut = argv.index("--")
    return argv[:cut], argv[cut + 1 :]


def parse_int_options(argv, defaults):
    """The script's "--flag N" options over their defaults, in the defaults' order."""
    options = dict(defaults)
    for flag, value in zip(argv[::2], argv[1::2], strict=True):
        if flag not in options:
            sys.exit(f"unknown option {flag}")
        options[flag] = int(value)
    return tuple(options.values())


@contextlib.contextmanager
def odoo_env(odoo_args):
    """A superuser environment on the database of odoo_args, in one transaction.

    The transaction commits when the block ends normally and rolls back on an
    exception, like odoo-bin shell."""
    odoo.tools.config.parse_config(odoo_args, setup_logging=True)
    registry = Registry(odoo.tools.config["db_name"])
    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def autocommit_execute(statement):
    """Run, on the database of odoo_env, a statement that PostgreSQL refuses inside
    a transaction (VACUUM)."""
    with odoo.sql_db.db_connect(odoo.tools.config["db_name"]).cursor() as cr:
        cr._cnx.autocommit = True
        try:
            cr.execute(statement)
        finally:
            cr._cnx.autocommit = False
