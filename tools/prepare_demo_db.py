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
