from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from ..tools import ec_identity, search_key

FINAL_CONSUMER_XMLID = "gserp_tickets.res_partner_final_consumer"


class ResPartner(models.Model):
    _inherit = "res.partner"
    # The normalized key joins the searched fields, so that "jose" finds "José".
    _rec_names_search = [
        "complete_name",
        "email",
        "ref",
        "vat",
        "company_registry",
        "gserp_lookup_key",
    ]

    gserp_lookup_key = fields.Char(
        string="Lookup Key",
        compute="_compute_gserp_lookup_key",
        store=True,
        index="trigram",
        copy=False,
    )
    gserp_vat_warning = fields.Boolean(
        string="Tax ID Fails Its Check Digit", compute="_compute_gserp_vat_warning"
    )
    gserp_is_customer = fields.Boolean(
        string="Is a Ticket Customer",
        compute="_compute_gserp_is_customer",
        search="_search_gserp_is_customer",
    )

    @api.depends("complete_name", "vat")
    def _compute_gserp_lookup_key(self):
        for partner in self:
            partner.gserp_lookup_key = search_key.build(
                partner.vat, partner.complete_name
            )

    @api.depends("vat", "country_id")
    def _compute_gserp_vat_warning(self):
        for partner in self:
            partner.gserp_vat_warning = (
                partner._gserp_checks_vat()
                and ec_identity.check(partner.vat) == ec_identity.BAD_CHECK_DIGIT
            )

    @api.depends("active")
    def _compute_gserp_is_customer(self):
        partners = self._origin
        # sudo: only which partners belong to a user or a company matters here,
        # including companies that the current user is not allowed in.
        users = self.env["res.users"].sudo().with_context(active_test=False)
        companies = self.env["res.company"].sudo().with_context(active_test=False)
        not_clients = (
            users.search([("partner_id", "in", partners.ids)]).partner_id
            | companies.search([("partner_id", "in", partners.ids)]).partner_id
        )
        for partner in self:
            partner.gserp_is_customer = (
                partner.active and partner._origin not in not_clients
            )

    @api.depends_context("gserp_customer_lookup")
    def _compute_display_name(self):
        super()._compute_display_name()
        if not self.env.context.get("gserp_customer_lookup"):
            return
        # The client dropdown of a ticket shows "RUC - Client", like services do.
        for partner in self:
            parts = (partner.vat, partner.complete_name)
            partner.display_name = " - ".join(part for part in parts if part)

    def _search_gserp_is_customer(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(
                self.env._("This search on customers is not supported.")
            )
        # Archived users and companies count too: their partners are not clients.
        # sudo: the subqueries only name partners, and the user may not be
        # allowed in every company.
        users = self.env["res.users"].sudo().with_context(active_test=False)
        companies = self.env["res.company"].sudo().with_context(active_test=False)
        domain = [
            ("active", "=", True),
            ("id", "not in", users._search([]).subselect("partner_id")),
            ("id", "not in", companies._search([]).subselect("partner_id")),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.model
    def _gserp_get_final_consumer(self):
        """Return Consumidor Final, the customer of tickets that name no other
        (an empty recordset if its record was deleted)."""
        final_consumer = self.env.ref(FINAL_CONSUMER_XMLID, raise_if_not_found=False)
        return final_consumer or self.env["res.partner"]

    @api.constrains("vat", "country_id")
    def _check_gserp_vat(self):
        final_consumer_id = self._gserp_get_final_consumer().id
        for partner in self.filtered(lambda p: p.vat and p._gserp_checks_vat()):
            message = self._gserp_identity_error(partner.vat)
            if message:
                raise ValidationError(message)
            if (
                partner.vat == ec_identity.FINAL_CONSUMER_VAT
                and final_consumer_id
                and partner.id != final_consumer_id
            ):
                raise ValidationError(
                    self.env._(
                        "The RUC 9999999999999 belongs to Consumidor Final only."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if self._gserp_is_ecuadorian(vals.get("country_id")):
                self._gserp_compact_vat(vals)
        return super().create(vals_list)

    def write(self, vals):
        country_id = vals.get("country_id")
        if all(
            self._gserp_is_ecuadorian(country_id or partner.country_id.id)
            for partner in self
        ):
            self._gserp_compact_vat(vals)
        return super().write(vals)

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        if not self.env.context.get("gserp_customer_lookup"):
            return super().name_search(name, args, operator, limit)
        if operator == "ilike" and name:
            # In no order, then sorted: see gserp.service's name_search.
            domain = expression.AND([args or [], [("display_name", "ilike", name)]])
            partners = self.browse(self._search(domain, limit=limit))
            partners = partners.sorted(lambda partner: partner.complete_name or "")
            result = [(partner.id, partner.display_name) for partner in partners]
        else:
            result = super().name_search(name, args, operator, limit)
        return self._gserp_offer_final_consumer(result, limit)

    @api.model
    def _search_display_name(self, operator, value):
        if (
            self.env.context.get("gserp_customer_lookup")
            and operator.endswith("like")
            and isinstance(value, str)
        ):
            # One indexed column instead of an OR over five; a RUC typed with
            # dashes or a name without its accents still matches.
            if not value:
                return super()._search_display_name(operator, value)
            return [("gserp_lookup_key", operator, search_key.query(value))]
        return super()._search_display_name(operator, value)

    def _gserp_offer_final_consumer(self, result, limit):
        """The search result with Consumidor Final among what the dropdown shows.

        The web client asks for one more record than it shows, to know whether
        to offer "Search More": Consumidor Final goes last among the shown ones
        and the extra record, if any, stays after it.
        """
        final_consumer = self._gserp_get_final_consumer()
        if not final_consumer or any(rid == final_consumer.id for rid, _n in result):
            return result
        entry = (final_consumer.id, final_consumer.display_name)
        if not limit or len(result) < limit:
            return [*result, entry]
        return [*result[: limit - 2], entry, *result[limit - 2 : limit - 1]]

    # Business methods

    def _gserp_checks_vat(self):
        self.ensure_one()
        if self.country_id:
            return self.country_id.code == "EC"
        return ec_identity.is_digit_number(self.vat)

    @api.model
    def _gserp_is_ecuadorian(self, country_id):
        if not country_id:
            return True
        return self.env["res.country"].browse(country_id).code == "EC"

    @api.model
    def _gserp_compact_vat(self, vals):
        # Only a number made of digits loses its separators: a foreign VAT with
        # letters keeps the format its country gives it.
        if vals.get("vat") and ec_identity.is_digit_number(vals["vat"]):
            vals["vat"] = ec_identity.compact(vals["vat"])

    @api.model
    def _gserp_identity_error(self, number):
        """The message that refuses an identity number, or None if it is accepted.

        A number that only fails its check digit is accepted: see ec_identity.
        """
        status = ec_identity.check(number)
        if status == ec_identity.NOT_DIGITS:
            return self.env._(
                "The ID number %(number)s must have digits only.", number=number
            )
        if status == ec_identity.BAD_LENGTH:
            return self.env._(
                "The ID number %(number)s must have 10 digits (cédula) or 13 (RUC).",
                number=number,
            )
        return None
