# Run by `make run` inside `odoo-bin shell`: the admin works in Spanish (Ecuador).
env["res.lang"]._activate_lang("es_EC")
env.ref("base.user_admin").write({"lang": "es_EC", "tz": "America/Guayaquil"})
env.cr.commit()
