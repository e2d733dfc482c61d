import ast

from odoo import fields, models


class GserpTicketTeam(models.Model):
    """The people who work the tickets of some categories."""

    _name = "gserp.ticket.team"
    _description = "Ticket Team"
    # The alias creates the team's tickets from email; the thread holds the
    # followers that an alias restricted to followers accepts mail from.
    _inherit = ["mail.alias.mixin", "mail.thread"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    member_ids = fields.Many2many(
        comodel_name="res.users",
        string="Members",
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share the team with every company.",
    )
    resource_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Working Hours",
        default=lambda self: self.env.company.resource_calendar_id,
        # No company check: a team shared by every company still works the
        # hours of one office.
        help="Hours in which the resolution targets of the team's tickets run.",
    )
    active = fields.Boolean(default=True)

    alias_id = fields.Many2one(
        help="The address whose incoming emails become tickets of this team."
    )

    def _alias_get_creation_values(self):
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("gserp.ticket")
        if self.id:
            defaults = ast.literal_eval(self.alias_defaults or "{}")
            defaults["team_id"] = self.id
            values["alias_defaults"] = repr(defaults)
        return values

    def _get_least_loaded_member(self):
        """Return the member with the fewest open tickets, the oldest user on a tie."""
        self.ensure_one()
        members = self.member_ids.filtered("active")
        if not members:
            return members
        # sudo: the load counts every open ticket of the members, also those
        # that the user creating a ticket may not see.
        groups = (
            self.env["gserp.ticket"]
            .sudo()
            ._read_group(
                [("user_id", "in", members.ids), ("stage_id.is_closed", "=", False)],
                groupby=["user_id"],
                aggregates=["__count"],
            )
        )
        load = {user.id: count for user, count in groups}
        return min(members, key=lambda user: (load.get(user.id, 0), user.id))
