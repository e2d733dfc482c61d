from odoo import api, models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        attachments = super().create(vals_list)
        attachments._get_gserp_tickets()._update_attachment_state()
        return attachments

    def write(self, vals):
        # A file logged from the chatter moves from the composer to the ticket.
        moved = {"res_model", "res_id"} & set(vals)
        tickets = self._get_gserp_tickets() if moved else None
        result = super().write(vals)
        if moved:
            (tickets | self._get_gserp_tickets())._update_attachment_state()
        return result

    def unlink(self):
        tickets = self._get_gserp_tickets()
        result = super().unlink()
        tickets._update_attachment_state()
        return result

    def _get_gserp_tickets(self):
        """Return the tickets these files belong to, as the superuser sees them."""
        # sudo: only ids are read here; the recompute stays internal.
        ids = {
            attachment.res_id
            for attachment in self.sudo()
            if attachment.res_model == "gserp.ticket" and attachment.res_id
        }
        return self.env["gserp.ticket"].sudo().browse(ids).exists()
