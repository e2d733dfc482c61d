from odoo import fields, models


class GserpTicketTeam(models.Model):
    """The people who work the tickets of some categories."""

    _name = "gserp.ticket.team"
    _description = "Ticket Team"
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
    active = fields.Boolean(default=True)

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
