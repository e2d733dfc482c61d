from odoo import models
from odoo.exceptions import ValidationError

from ..tools import phone


class GserpPhoneMixin(models.AbstractModel):
    """Phones kept in one format, and refused when they cannot be put in it.

    A model lists its phone fields in _gserp_phone_fields, normalizes the values
    it is given with _gserp_normalize_phones and checks them in a constraint with
    _gserp_check_phones.
    """

    _name = "gserp.phone.mixin"
    _description = "Phone Normalization"
    _gserp_phone_fields = ()

    def _gserp_normalize_phones(self, vals):
        # A phone that cannot be normalized is kept as typed, for the check to
        # refuse it with its message.
        for name in self._gserp_phone_fields:
            if vals.get(name) and isinstance(vals[name], str):
                vals[name] = phone.normalize(vals[name]) or vals[name]

    def _gserp_check_phones(self):
        for record in self:
            for name in self._gserp_phone_fields:
                if record[name] and not phone.normalize(record[name]):
                    raise ValidationError(
                        self.env._(
                            "%(phone)s is not a phone number: write a mobile as "
                            "09XXXXXXXX or a landline with its area code, as "
                            "02XXXXXXX.",
                            phone=record[name],
                        )
                    )
