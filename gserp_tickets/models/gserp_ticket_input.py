import math

from odoo import api, models
from odoo.exceptions import ValidationError

from .gserp_ticket import MAX_TEXT_LENGTH


class GserpTicket(models.Model):
    """Refuse malformed values before other overrides or the database read them.

    The web client always sends well-typed values, but integrations call
    create and write over the external API: a list where a text is expected
    would otherwise end in a programming error instead of a message.
    """

    _inherit = "gserp.ticket"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_input_values(vals)
        if "number" in vals and any(t.number != vals["number"] for t in self):
            raise ValidationError(self.env._("A ticket's number cannot be changed."))
        return super().write(vals)

    @api.model
    def _check_input_values(self, vals):
        # The addon writes them as superuser; a context key would be open to
        # anyone who sends one.
        system_fields = set() if self.env.su else self._get_system_fields()
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                raise ValidationError(
                    self.env._("Tickets have no field named “%(field)s”.", field=name)
                )
            if name in system_fields:
                raise ValidationError(
                    self.env._(
                        "“%(field)s” is kept by the ticket itself and cannot be "
                        "written.",
                        field=field._description_string(self.env),
                    )
                )
            if value is False or value is None or value == "":
                # Left to Odoo, the database would refuse it with its own words.
                if field.required:
                    raise ValidationError(
                        self.env._(
                            "“%(field)s” is required.",
                            field=field._description_string(self.env),
                        )
                    )
                continue
            message = self._get_input_error(field, value)
            if message:
                raise ValidationError(message)

    @api.model
    def _get_input_error(self, field, value):
        """Return why ``value`` does not fit ``field``, or None when it does."""
        label = field._description_string(self.env)
        if field.type in ("char", "text", "html"):
            if not isinstance(value, str):
                return self.env._(
                    "The value of “%(field)s” must be a text.", field=label
                )
            if field.type != "char" and len(value) > MAX_TEXT_LENGTH:
                return self.env._(
                    "“%(field)s” is too long: write at most %(limit)s characters and "
                    "attach longer documents.",
                    field=label,
                    limit=MAX_TEXT_LENGTH,
                )
        elif field.type == "many2one":
            return self._get_many2one_input_error(field, value, label)
        elif field.type in ("integer", "float"):
            # NaN and infinities pass for floats but break every sum and average.
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not number or not math.isfinite(value):
                return self.env._(
                    "The value of “%(field)s” must be a number.", field=label
                )
        elif field.type in ("date", "datetime"):
            try:
                field.convert_to_cache(value, self)
            except (TypeError, ValueError):
                return self.env._(
                    "The value of “%(field)s” must be a date (YYYY-MM-DD HH:MM:SS).",
                    field=label,
                )
        elif field.type == "selection" and isinstance(field.selection, list):
            # Keys are texts; a list or a dict would not even be comparable.
            if not isinstance(value, str) or value not in dict(field.selection):
                return self.env._(
                    "“%(value)s” is not a valid choice for “%(field)s”.",
                    value=value,
                    field=label,
                )
        return None

    @api.model
    def _get_many2one_input_error(self, field, value, label):
        if isinstance(value, models.BaseModel):
            return None
        # bool is an int for Python, but True is no record id.
        if not isinstance(value, int) or isinstance(value, bool):
            return self.env._(
                "The value of “%(field)s” must be the number (id) of a record.",
                field=label,
            )
        # sudo: only whether the row exists is asked here; reading it stays
        # subject to the user's access rights and the company checks.
        if not self.env[field.comodel_name].sudo().browse(value).exists():
            return self.env._(
                "The record chosen for “%(field)s” does not exist.", field=label
            )
        return None
