from odoo import api, fields, models


class GserpTicket(models.Model):
    """Who works a ticket: the team of its category, and the category's person
    or else the team member with the fewest open tickets."""

    _inherit = "gserp.ticket"

    team_id = fields.Many2one(
        comodel_name="gserp.ticket.team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Assigned to",
        domain="[('share', '=', False)]",
        index="btree_not_null",
        tracking=True,
    )

    @api.depends("category_id", "subcategory_id", "detail_id")
    def _compute_team_id(self):
        # Only the ticket's own classification is a trigger: giving a category
        # another team must not move the tickets it already has.
        for ticket in self:
            team = ticket._get_deepest_category().effective_team_id
            if team:
                ticket.team_id = team

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        # One at a time, so that each ticket counts in the load of the next.
        for ticket in tickets.filtered(lambda ticket: not ticket.user_id):
            assignee = ticket._get_default_assignee()
            if assignee:
                ticket.user_id = assignee
        return tickets

    def action_assign_to_me(self):
        self.ensure_one()
        self.user_id = self.env.user
        return True

    def _get_default_assignee(self):
        """Return the person for a new ticket: its category's, else the team's
        member with the fewest open tickets."""
        self.ensure_one()
        user = self._get_deepest_category().effective_user_id
        if user:
            return user
        if self.team_id:
            return self.team_id._get_least_loaded_member()
        return self.env["res.users"]
