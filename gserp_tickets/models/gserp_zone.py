from odoo import fields, models


class GserpZone(models.Model):
    """A zone of the territory, either where a service runs or who attends it."""

    _name = "gserp.zone"
    _description = "Zone"
    _order = "zone_type, name"

    name = fields.Char(required=True)
    zone_type = fields.Selection(
        selection=[("service", "Service Zone"), ("attention", "Attention Zone")],
        string="Type",
        required=True,
        default="service",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)
