from . import models


def uninstall_hook(env):
    """Delete tickets and services before Odoo removes what this addon shipped.

    Tickets and services point to Consumidor Final and the shipped categories with
    ``ondelete="restrict"``: left in place until their table is dropped, they
    would keep those records, and their xml ids, from being removed.
    """
    # sudo: uninstalling is done by an administrator, not as a ticket user.
    for model in ("gserp.ticket", "gserp.service"):
        env[model].sudo().with_context(active_test=False).search([]).unlink()
