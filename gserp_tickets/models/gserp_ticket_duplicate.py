from odoo import api, fields, models


class GserpTicket(models.Model):
    """The warning of the form: open tickets that the one being filled in may
    repeat, shown before it is saved."""

    _inherit = "gserp.ticket"

    duplicate_ticket_ids = fields.Many2many(
        comodel_name="gserp.ticket",
        string="Open Tickets Alike",
        compute="_compute_duplicate_ticket_ids",
        help="Open tickets of the same service, or of the same customer when "
        "there is no service, classified the same way.",
    )

    @api.depends(
        "service_id", "partner_id", "category_id", "subcategory_id", "detail_id"
    )
    def _compute_duplicate_ticket_ids(self):
        for ticket in self:
            domain = ticket._get_duplicate_domain()
            ticket.duplicate_ticket_ids = (
                self.search(domain, limit=10) if domain else False
            )

    def _get_duplicate_domain(self):
        """Return the domain of the open tickets this one may repeat, or None."""
        self.ensure_one()
        if not self.category_id:
            return None
        domain = [
            ("stage_id.is_closed", "=", False),
            ("category_id", "=", self.category_id.id),
            ("subcategory_id", "=", self.subcategory_id.id),
            ("detail_id", "=", self.detail_id.id),
        ]
        if self._origin.id:
            domain.append(("id", "!=", self._origin.id))
        final_consumer = self.env["res.partner"]._gserp_get_final_consumer()
        if self.service_id:
            return [*domain, ("service_id", "=", self.service_id.id)]
        if self.partner_id and self.partner_id != final_consumer:
            return [
                *domain,
                ("service_id", "=", False),
                ("partner_id", "=", self.partner_id.id),
            ]
        return None
