"""Run by `make run` inside `odoo-bin shell`: make the demo database local and Spanish.

Everyone who opens it, the login page included, reads Spanish (Ecuador), and nobody
signs up from the login page: agents are created by an administrator.

The demo server must talk to nothing but loopback: partner_autocomplete (installed
automatically with mail) calls Odoo's enrichment service when a user logs in, and the
publisher-warranty cron reports to Odoo's servers, so the first is removed and the
second switched off.
"""

autocomplete = env["ir.module.module"].search(
    [("name", "=", "partner_autocomplete"), ("state", "=", "installed")]
)
if autocomplete:
    autocomplete.button_immediate_uninstall()
cron = env.ref("mail.ir_cron_module_update_notification", raise_if_not_found=False)
if cron:
    cron.active = False
env["res.lang"]._activate_lang("es_EC")
env.ref("base.user_admin").write({"lang": "es_EC", "tz": "America/Guayaquil"})
env.ref("base.public_user").lang = "es_EC"
env["ir.default"].set("res.partner", "lang", "es_EC")
env["ir.config_parameter"].set_param("auth_signup.invitation_scope", "b2b")
env.cr.commit()


def age_demo_tickets(env):
    """Date some demo tickets back by working hours, once, so that the kanban shows
    every SLA state: all of them were created a moment ago by the install."""
    param = "gserp_tickets.demo_tickets_aged"
    if env["ir.config_parameter"].get_param(param):
        return
    # Working hours since creation; Monitoreo's target is 4 h, Comercial's 24 h,
    # Mantenimiento's 16 h (demo/gserp_ticket_team_demo.xml).
    ages = {
        "gserp_ticket_fence_demo": 5,
        "gserp_ticket_signal_demo": 3.5,
        "gserp_ticket_plan_demo": 10,
        "gserp_ticket_sensor_demo": 8,
    }
    now = env.cr.now()
    for xmlid, hours in ages.items():
        ticket = env.ref(f"gserp_tickets.{xmlid}", raise_if_not_found=False)
        if not ticket:
            continue
        created = ticket._get_sla_calendar().plan_hours(-hours, now)
        env.cr.execute(
            "UPDATE gserp_ticket SET create_date = %s WHERE id = %s",
            [created.replace(microsecond=0), ticket.id],
        )
        ticket.invalidate_recordset(["create_date"])
        ticket.modified(["create_date"])
        if ticket.close_date:
            # The shell runs as superuser, which may write the clock's fields.
            ticket.close_hours = ticket._get_sla_work_hours(
                ticket.create_date, ticket.close_date
            )
    env.flush_all()
    env["ir.config_parameter"].set_param(param, "1")


if env.ref("gserp_tickets.gserp_ticket_fence_demo", raise_if_not_found=False):
    age_demo_tickets(env)
    # A domain for the team aliases to show in full; no mail server is set up,
    # so nothing is sent or fetched.
    if not env["mail.alias.domain"].search_count([]):
        env["mail.alias.domain"].create({"name": "gserp.example.com"})
    env.cr.commit()
