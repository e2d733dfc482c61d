from odoo import api, fields, models
from odoo.osv import expression

from ..tools import ec_identity, search_key

SERVICE_STATES = [
    ("active", "Active"),
    ("inactive", "Inactive"),
    ("suspended", "Temporary Suspension"),
]


class GserpService(models.Model):
    """A recurring service contracted by a client, known by its code."""

    _name = "gserp.service"
    _description = "Service"
    _inherit = ["mail.thread", "gserp.phone.mixin"]
    _gserp_phone_fields = ("responsible_phone",)
    # The code, RUC and client name, normalized: see _search_display_name.
    _rec_names_search = ["lookup_key"]
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
    # What the dropdown compares the typed text with: code, RUC and client name,
    # lowercase and without accents, indexed with trigrams for "contains".
    lookup_key = fields.Char(
        compute="_compute_lookup_key", store=True, index="trigram", copy=False
    )

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

    @api.depends("code", "partner_id.vat", "partner_id.name")
    def _compute_lookup_key(self):
        for service in self:
            service.lookup_key = search_key.build(
                service.code, service.partner_id.vat, service.partner_id.name
            )

    @api.constrains("responsible_phone")
    def _check_responsible_phone(self):
        self._gserp_check_phones()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._gserp_normalize_phones(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._gserp_normalize_phones(vals)
        return super().write(vals)

    @api.model
    def _search_display_name(self, operator, value):
        # The key is stored normalized; the typed text must be normalized alike.
        if operator.endswith("like") and isinstance(value, str):
            return super()._search_display_name(operator, search_key.query(value))
        return [("code", operator, value)]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Exact code or RUC matches first, then those that contain the text.

        The matches that contain the text are fetched in no order, then sorted:
        with "ORDER BY code LIMIT 8", PostgreSQL walks the codes in order and
        filters them, which reads most of the table when the matches sort late
        (all "UIO-" codes after the "GYE-" ones). Without the ORDER BY, the
        trigram index finds them and the scan stops at the limit.
        """
        text = (name or "").strip()
        if operator != "ilike" or not text:
            return super().name_search(name, args, operator, limit)
        exact = self._search_exact(text, args or [], limit)
        rest = self.browse()
        if not limit or len(exact) < limit:
            domain = expression.AND(
                [
                    args or [],
                    [("display_name", "ilike", text), ("id", "not in", exact.ids)],
                ]
            )
            query = self._search(domain, limit=limit and limit - len(exact))
            rest = self.browse(query).sorted("code")
        return [(service.id, service.display_name) for service in exact | rest]

    def _search_exact(self, text, domain, limit):
        """Services whose code is the text, or whose client's RUC is the text."""
        # Codes are written in capitals: "in" on the typed and capitalized text
        # uses the btree index of the unique constraint, where "=ilike" would
        # recheck every code that contains the text.
        codes = list({text, text.upper()})
        found = self.search_fetch(
            expression.AND([domain, [("code", "in", codes)]]),
            ["display_name"],
            limit=limit,
        )
        if ec_identity.is_digit_number(text) and (not limit or len(found) < limit):
            # Two queries rather than an OR: each one can use its own index.
            found |= self.search_fetch(
                expression.AND(
                    [
                        domain,
                        [("partner_id.vat", "=", ec_identity.compact(text))],
                        [("id", "not in", found.ids)],
                    ]
                ),
                ["display_name"],
                limit=limit and limit - len(found),
            )
        return found
