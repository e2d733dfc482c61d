from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import is_html_empty

# Category, subcategory and detail: the ticket form has one field per level.
MAX_LEVELS = 3
# About a year of working weeks: a longer target is a typing mistake.
MAX_SLA_HOURS = 2_000

# How a category sets a rule of the procedure: itself, or as its parent does.
RULE_POLICIES = [
    ("inherit", "As Parent Category"),
    ("required", "Required"),
    ("optional", "Not Required"),
]


class GserpTicketCategory(models.Model):
    """One node of the tree that classifies tickets.

    Roots are the ticket's categories, their children the subcategories and
    the grandchildren the details.
    """

    _name = "gserp.ticket.category"
    _description = "Ticket Category"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name"
    _check_company_auto = True

    name = fields.Char(required=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    parent_id = fields.Many2one(
        comodel_name="gserp.ticket.category",
        string="Parent Category",
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        comodel_name="gserp.ticket.category",
        inverse_name="parent_id",
        string="Child Categories",
    )

    # Rules of the procedure, set here or taken from the parent category
    contact_policy = fields.Selection(
        selection=RULE_POLICIES,
        string="Contact",
        required=True,
        default="inherit",
        help="Whether tickets classified here need the name, phone and ID number "
        "of the person who asked for them (step 9).",
    )
    contact_required = fields.Boolean(
        compute="_compute_contact_required",
        store=True,
        recursive=True,
        help="The rule that applies once the parents are taken into account. The "
        "most precise level chosen on a ticket decides.",
    )
    attachment_policy = fields.Selection(
        selection=RULE_POLICIES,
        string="Supporting Attachment",
        required=True,
        default="inherit",
        help="Whether tickets classified here count as complete only once a "
        "supporting document is attached to them (step 12).",
    )
    attachment_required = fields.Boolean(
        compute="_compute_attachment_required",
        store=True,
        recursive=True,
        help="The rule that applies once the parents are taken into account.",
    )
    description_template = fields.Html(
        help="Text that prefills the description of new tickets classified here. "
        "Leave empty to use the parent's.",
    )
    effective_description_template = fields.Html(
        compute="_compute_effective_description_template",
        store=True,
        recursive=True,
        sanitize=False,
    )

    # Resolution target, set here or taken from the parent
    sla_hours = fields.Float(
        string="Resolution Target (hours)",
        help="Working hours of the team's calendar within which tickets classified "
        "here should be solved. 0: the parent's target; a top category without "
        "one has no SLA.",
    )
    effective_sla_hours = fields.Float(
        string="Target in Use (hours)",
        compute="_compute_effective_sla_hours",
        store=True,
        recursive=True,
    )

    # Who works the tickets classified here, set here or taken from the parent
    team_id = fields.Many2one(
        comodel_name="gserp.ticket.team",
        check_company=True,
        ondelete="set null",
        help="Team that works the tickets classified here. Leave empty to use "
        "the parent's.",
    )
    effective_team_id = fields.Many2one(
        comodel_name="gserp.ticket.team",
        string="Team in Use",
        compute="_compute_effective_team_id",
        store=True,
        recursive=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Assign to",
        domain="[('share', '=', False)]",
        ondelete="set null",
        help="Person who gets the new tickets classified here. Leave empty to use "
        "the parent's, or else the team member with the fewest open tickets.",
    )
    effective_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Assignee in Use",
        compute="_compute_effective_user_id",
        store=True,
        recursive=True,
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share the category with every company.",
    )
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = (
                    f"{category.parent_id.complete_name} / {category.name}"
                )
            else:
                category.complete_name = category.name

    @api.depends("contact_policy", "parent_id.contact_required")
    def _compute_contact_required(self):
        for category in self:
            category.contact_required = category._get_rule(
                "contact_policy", "contact_required"
            )

    @api.depends("attachment_policy", "parent_id.attachment_required")
    def _compute_attachment_required(self):
        for category in self:
            category.attachment_required = category._get_rule(
                "attachment_policy", "attachment_required"
            )

    @api.depends("description_template", "parent_id.effective_description_template")
    def _compute_effective_description_template(self):
        for category in self:
            if is_html_empty(category.description_template):
                template = category.parent_id.effective_description_template
            else:
                template = category.description_template
            category.effective_description_template = template or False

    @api.depends("sla_hours", "parent_id.effective_sla_hours")
    def _compute_effective_sla_hours(self):
        for category in self:
            category.effective_sla_hours = (
                category.sla_hours or category.parent_id.effective_sla_hours
            )

    @api.depends("team_id", "parent_id.effective_team_id")
    def _compute_effective_team_id(self):
        for category in self:
            category.effective_team_id = (
                category.team_id or category.parent_id.effective_team_id
            )

    @api.depends("user_id", "parent_id.effective_user_id")
    def _compute_effective_user_id(self):
        for category in self:
            category.effective_user_id = (
                category.user_id or category.parent_id.effective_user_id
            )

    @api.depends("name", "complete_name")
    @api.depends_context("gserp_category_short_name")
    def _compute_display_name(self):
        # The ticket shows each level in a field of its own, where the path of
        # the parents would only repeat the fields above it.
        if not self.env.context.get("gserp_category_short_name"):
            return super()._compute_display_name()
        for category in self:
            category.display_name = category.name

    @api.constrains("sla_hours")
    def _check_sla_hours(self):
        # NaN compares false with everything: only a range check catches it.
        if any(not 0 <= category.sla_hours <= MAX_SLA_HOURS for category in self):
            raise ValidationError(
                self.env._(
                    "The resolution target must be from 0 to %(limit)s working hours.",
                    limit=MAX_SLA_HOURS,
                )
            )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A category cannot be its own parent."))
        for category in self:
            if category._get_level() + category._get_height() - 1 > MAX_LEVELS:
                raise ValidationError(
                    self.env._(
                        "Categories have at most %(levels)s levels: category, "
                        "subcategory and detail.",
                        levels=MAX_LEVELS,
                    )
                )

    def _get_rule(self, policy_field, required_field):
        """Return whether the rule applies here, asking the parents if needed.

        A root that follows its parent follows the procedure, where contact and
        attachment are both required.
        """
        self.ensure_one()
        policy = self[policy_field]
        if policy == "inherit":
            return self.parent_id[required_field] if self.parent_id else True
        return policy == "required"

    def _get_level(self):
        """Return 1 for a root, 2 for its children, and so on."""
        self.ensure_one()
        level, parent = 1, self.parent_id
        while parent:
            level, parent = level + 1, parent.parent_id
        return level

    def _get_height(self):
        """Return how many levels the subtree rooted here has, itself included."""
        self.ensure_one()
        children = self.with_context(active_test=False).child_ids
        return 1 + max((child._get_height() for child in children), default=0)
