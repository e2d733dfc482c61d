from odoo import api, fields, models

SERVICE_STATES = [
    ("active", "Active"),
    ("inactive", "Inactive"),
    ("suspended", "Temporary Suspension"),
]


class GserpService(models.Model):
    """A recurring service contracted by a client, known by its code."""

    _name = "gserp.service"
    _description = "Service"
    _inherit = ["mail.thread"]
    _rec_names_search = ["code", "partner_id.vat", "partner_id.name"]
    _order = "code"
    _check_company_auto = True

    # Operators find a service by typing part of its code: ilike needs trigrams.
    code = fields.Char(required=True, index="trigram", tracking=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        check_company=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    partner_vat = fields.Char(related="partner_id.vat", string="Customer Tax ID")
    state = fields.Selection(
        selection=SERVICE_STATES,
        required=True,
        default="active",
        tracking=True,
    )
    responsible_phone = fields.Char()
    province_id = fields.Many2one(
        comodel_name="res.country.state",
        domain="[('country_id.code', '=', 'EC')]",
        ondelete="restrict",
    )
    city = fields.Char()
    service_zone_id = fields.Many2one(
        comodel_name="gserp.zone",
        domain="[('zone_type', '=', 'service')]",
        check_company=True,
        ondelete="restrict",
    )
    attention_zone_id = fields.Many2one(
        comodel_name="gserp.zone",
        domain="[('zone_type', '=', 'attention')]",
        check_company=True,
        ondelete="restrict",
    )
    start_datetime = fields.Datetime(string="Service Start")
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "UNIQUE(company_id, code)",
            "Another service already uses this code in this company.",
        ),
    ]

    @api.depends("code", "partner_id.vat", "partner_id.name")
    def _compute_display_name(self):
        # The dropdown of the ticket form shows "CODE - RUC - Client"; a part
        # that is missing is left out rather than printed as "False".
        for service in self:
            parts = (service.code, service.partner_id.vat, service.partner_id.name)
            service.display_name = " - ".join(part for part in parts if part)
