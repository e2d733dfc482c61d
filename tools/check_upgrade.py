"""Run by `make test` inside `odoo-bin shell`, one step per run (GSERP_CHECK_STEP).

  edit       change shipped records as a consultant would, add some, write a ticket
  (tools/test.sh then runs `odoo-bin -u gserp_tickets --stop-after-init`)
  check      every edit, added record and ticket survived the update
  uninstall  uninstall the addon: its tables, models, menus and xml ids are gone

A failed check logs an ERROR line (which fails `make test`) and exits non-zero.
"""

import logging
import os

_logger = logging.getLogger("gserp_tickets.check_upgrade")

CATEGORY_NAME = "Mantenimiento (editado por el consultor)"
ADDED_CATEGORY = "Categoría añadida por el consultor"
CAMPAIGN_TITLE = "Sin campaña (editada)"
CONSUMER_PHONE = "022345678"
TICKET_DESCRIPTION = "<p>Ticket escrito antes de actualizar</p>"


def fail(message):
    _logger.error("upgrade check: FAILED: %s", message)
    raise SystemExit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def edit(env):
    category = env.ref("gserp_tickets.category_maintenance")
    category.name = CATEGORY_NAME
    env["gserp.ticket.category"].create(
        {"name": ADDED_CATEGORY, "parent_id": category.id}
    )
    env.ref("gserp_tickets.utm_campaign_no_campaign").title = CAMPAIGN_TITLE
    env.ref("gserp_tickets.res_partner_final_consumer").phone = CONSUMER_PHONE
    env["gserp.ticket"].create(
        {
            "code_state": "no_service",
            "description": TICKET_DESCRIPTION,
            "contact_name": "Consultor",
            "contact_phone": "0991234567",
            "contact_identification": "1712345675",
        }
    )
    env.cr.commit()


def check(env):
    category = env.ref("gserp_tickets.category_maintenance")
    expect(category.name == CATEGORY_NAME, f"category renamed back to {category.name}")
    added = env["gserp.ticket.category"].search([("name", "=", ADDED_CATEGORY)])
    expect(added.parent_id == category, "the category a consultant added is gone")
    campaign = env.ref("gserp_tickets.utm_campaign_no_campaign")
    expect(campaign.title == CAMPAIGN_TITLE, f"campaign reset to {campaign.title}")
    consumer = env.ref("gserp_tickets.res_partner_final_consumer")
    expect(consumer.phone == CONSUMER_PHONE, "the phone of Consumidor Final is gone")
    tickets = env["gserp.ticket"].search([("contact_name", "=", "Consultor")])
    expect(len(tickets) == 1, "the ticket written before the update is gone")
    expect("antes de actualizar" in tickets.description, "its description changed")
    _logger.info("upgrade check: edits, added records and tickets survived -u")


def uninstall(env):
    menu_ids = (
        env["ir.model.data"]
        .search([("module", "=", "gserp_tickets"), ("model", "=", "ir.ui.menu")])
        .mapped("res_id")
    )
    expect(menu_ids, "no menu of gserp_tickets found before uninstalling")
    module = env["ir.module.module"].search([("name", "=", "gserp_tickets")])
    module.button_immediate_uninstall()
    env.cr.commit()

    cr = env.cr
    cr.execute("SELECT to_regclass('gserp_ticket')")
    expect(cr.fetchone()[0] is None, "table gserp_ticket is still there")
    cr.execute("SELECT model FROM ir_model WHERE model LIKE 'gserp.%%'")
    expect(not cr.fetchall(), "models gserp.* are still in ir_model")
    cr.execute("SELECT id FROM ir_ui_menu WHERE id = ANY(%s)", [menu_ids])
    expect(not cr.fetchall(), "menus of gserp_tickets are still there")
    cr.execute("SELECT count(*) FROM ir_model_data WHERE module = 'gserp_tickets'")
    expect(cr.fetchone()[0] == 0, "xml ids of gserp_tickets are still there")
    cr.execute("SELECT state FROM ir_module_module WHERE name = 'gserp_tickets'")
    state = cr.fetchone()[0]
    expect(state == "uninstalled", f"module state is {state}")
    _logger.info("upgrade check: uninstall removed tables, models and menus")


STEPS = {"edit": edit, "check": check, "uninstall": uninstall}
STEPS[os.environ["GSERP_CHECK_STEP"]](env)  # noqa: F821 - given by odoo-bin shell
