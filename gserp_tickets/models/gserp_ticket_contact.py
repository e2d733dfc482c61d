from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import ec_identity


class GserpTicket(models.Model):
    """The checks on the person who asked for a ticket: ID number and phone."""

    _name = "gserp.ticket"
    _inherit = ["gserp.ticket", "gserp.phone.mixin"]
    _gserp_phone_fields = ("contact_phone",)

    contact_identification_warning = fields.Boolean(
        string="Contact ID Fails Its Check Digit",
        compute="_compute_contact_identification_warning",
    )
    partner_vat_warning = fields.Boolean(related="partner_id.gserp_vat_warning")

    @api.depends("contact_identification")
    def _compute_contact_identification_warning(self):
        for ticket in self:
            ticket.contact_identification_warning = bool(
                ticket.contact_identification
            ) and (
                ec_identity.check(ticket.contact_identification)
                == ec_identity.BAD_CHECK_DIGIT
            )

    @api.constrains("contact_identification")
    def _check_contact_identification(self):
        Partner = self.env["res.partner"]
        for ticket in self.filtered("contact_identification"):
            number = ticket.contact_identification
            message = Partner._gserp_identity_error(number)
            if not message and number == ec_identity.FINAL_CONSUMER_VAT:
                message = self.env._(
                    "9999999999999 is the RUC of Consumidor Final, not a contact's "
                    "ID number."
                )
            if message:
                raise ValidationError(message)

    @api.constrains("contact_phone")
    def _check_contact_phone(self):
        self._gserp_check_phones()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_contact_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_contact_vals(vals)
        return super().write(vals)

    @api.model
    def _normalize_contact_vals(self, vals):
        # A value that cannot be normalized is kept as typed, for the
        # constraints to refuse it with their message.
        for name in ("contact_name", "contact_phone", "contact_identification"):
            if isinstance(vals.get(name), str):
                vals[name] = vals[name].strip()
        if vals.get("contact_identification"):
            number = vals["contact_identification"]
            if ec_identity.is_digit_number(number):
                vals["contact_identification"] = ec_identity.compact(number)
        self._gserp_normalize_phones(vals)
