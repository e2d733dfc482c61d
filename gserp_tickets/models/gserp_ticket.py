from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import html2plaintext, is_html_empty

from .gserp_service import SERVICE_STATES

CODE_STATES = [*SERVICE_STATES, ("no_service", "No Recurring Service")]

ORIGINS = [
    ("manual", "Manual"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("web", "Web"),
    ("control_centre", "Control Centre"),
]

# Far more than any description an agent types; longer documents are attached.
MAX_TEXT_LENGTH = 100_000

PRIORITIES = [
    ("0", "Low"),
    ("1", "Normal"),
    ("2", "High"),
    ("3", "Urgent"),
]


class GserpTicket(models.Model):
    _name = "gserp.ticket"
    _description = "Ticket"
    _inherit = ["mail.thread", "mail.activity.mixin", "utm.mixin"]
    _rec_name = "number"
    _rec_names_search = [
        "number",
        "service_id.code",
        "partner_id.name",
        "partner_id.vat",
        "contact_name",
    ]
    _order = "id desc"
    _check_company_auto = True

    def _default_campaign_id(self):
        return self.env.ref(
            "gserp_tickets.utm_campaign_no_campaign", raise_if_not_found=False
        )

    def _default_medium_id(self):
        return self.env.ref("utm.utm_medium_website", raise_if_not_found=False)

    def _default_stage_id(self):
        return self.env["gserp.ticket.stage"].search([], limit=1)

    # Who is served: the state of the service code decides which services fit
    code_state = fields.Selection(
        selection=CODE_STATES,
        string="Code Status",
        required=True,
        tracking=True,
    )
    service_id = fields.Many2one(
        comodel_name="gserp.service",
        string="Service Code",
        compute="_compute_service_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('state', '=', code_state)]",
        check_company=True,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="Follows the service; chosen directly without recurring service.",
    )

    # Marketing: the procedure fills these by default (step 7)
    campaign_id = fields.Many2one(default=lambda self: self._default_campaign_id())
    medium_id = fields.Many2one(default=lambda self: self._default_medium_id())

    # Classification: three levels of one category tree
    category_id = fields.Many2one(
        comodel_name="gserp.ticket.category",
        domain="[('parent_id', '=', False)]",
        check_company=True,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    subcategory_id = fields.Many2one(
        comodel_name="gserp.ticket.category",
        compute="_compute_subcategory_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('parent_id', '!=', False), ('parent_id', '=', category_id)]",
        check_company=True,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    detail_id = fields.Many2one(
        comodel_name="gserp.ticket.category",
        compute="_compute_detail_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('parent_id', '!=', False), ('parent_id', '=', subcategory_id)]",
        check_company=True,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )

    # The person who asked for the ticket (step 9)
    contact_name = fields.Char()
    contact_phone = fields.Char()
    contact_identification = fields.Char(string="Contact ID Number")
    contact_required = fields.Boolean(compute="_compute_contact_required")

    # Bookkeeping
    number = fields.Char(string="Ticket Number", readonly=True, copy=False, index=True)
    origin = fields.Selection(selection=ORIGINS, required=True, default="manual")
    priority = fields.Selection(selection=PRIORITIES, default="0")

    # Work: the stage it is in (the team and person working it are in
    # gserp_ticket_assignment.py)
    stage_id = fields.Many2one(
        comodel_name="gserp.ticket.stage",
        default=lambda self: self._default_stage_id(),
        group_expand="_read_group_stage_ids",
        required=True,
        index=True,
        ondelete="restrict",
        copy=False,
        tracking=True,
    )
    is_closed = fields.Boolean(related="stage_id.is_closed")
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)

    # What the service record says about the place being served
    responsible_phone = fields.Char(related="service_id.responsible_phone")
    # Stored, so that reports group tickets by place; a change on the service
    # reaches its tickets through the ORM's dependencies.
    province_id = fields.Many2one(
        related="service_id.province_id", store=True, index="btree_not_null"
    )
    city = fields.Char(related="service_id.city")
    service_zone_id = fields.Many2one(
        related="service_id.service_zone_id", store=True, index="btree_not_null"
    )
    attention_zone_id = fields.Many2one(
        related="service_id.attention_zone_id", store=True, index="btree_not_null"
    )
    service_start = fields.Datetime(related="service_id.start_datetime")

    # The need and the documents that back it (steps 10 and 12)
    description = fields.Html(
        compute="_compute_description",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    attachment_ids = fields.One2many(
        comodel_name="ir.attachment",
        inverse_name="res_id",
        string="Attachments",
        domain=[("res_model", "=", "gserp.ticket")],
        readonly=True,
    )
    # Stored: the list shows the count; ir.attachment triggers the recompute.
    attachment_count = fields.Integer(
        string="Number of Attachments",
        compute="_compute_attachment_count",
        store=True,
    )
    has_attachment = fields.Boolean(compute="_compute_attachment_count", store=True)
    attachment_required = fields.Boolean(compute="_compute_attachment_required")
    is_complete = fields.Boolean(
        string="Complete",
        compute="_compute_is_complete",
        store=True,
        help="Whether the ticket has the supporting documents its category asks "
        "for (step 12).",
    )

    _sql_constraints = [
        (
            "number_company_uniq",
            "UNIQUE(company_id, number)",
            "A ticket with this number already exists in this company.",
        ),
    ]

    @api.depends("code_state")
    def _compute_service_id(self):
        # Only the ticket's own state is a trigger: a service that changes state
        # later must not vanish from the tickets already written for it.
        for ticket in self:
            if ticket.service_id.state != ticket.code_state:
                ticket.service_id = False

    @api.depends("code_state", "service_id")
    def _compute_partner_id(self):
        fallback = self.env["res.partner"]._gserp_get_final_consumer()
        for ticket in self:
            if ticket.service_id:
                ticket.partner_id = ticket.service_id.partner_id
            elif ticket.code_state != "no_service":
                # The client of a service that no longer fits goes with it.
                ticket.partner_id = False
            elif not ticket.partner_id:
                ticket.partner_id = fallback

    @api.depends("category_id")
    def _compute_subcategory_id(self):
        for ticket in self:
            if ticket.subcategory_id.parent_id != ticket.category_id:
                ticket.subcategory_id = False

    @api.depends("subcategory_id")
    def _compute_detail_id(self):
        for ticket in self:
            if ticket.detail_id.parent_id != ticket.subcategory_id:
                ticket.detail_id = False

    @api.depends(
        "category_id.contact_required",
        "subcategory_id.contact_required",
        "detail_id.contact_required",
        "origin",
    )
    def _compute_contact_required(self):
        for ticket in self:
            # An email says who wrote, not their phone and ID number: the agent
            # who works it adds them when they can, without being stopped.
            if ticket.origin == "email":
                ticket.contact_required = False
                continue
            # The most precise level chosen decides; until a category is chosen,
            # the procedure's default applies.
            deepest = ticket.detail_id or ticket.subcategory_id or ticket.category_id
            ticket.contact_required = deepest.contact_required if deepest else True

    @api.depends(
        "category_id.attachment_required",
        "subcategory_id.attachment_required",
        "detail_id.attachment_required",
    )
    def _compute_attachment_required(self):
        for ticket in self:
            deepest = ticket._get_deepest_category()
            ticket.attachment_required = (
                deepest.attachment_required if deepest else True
            )

    @api.depends(
        "category_id.effective_description_template",
        "subcategory_id.effective_description_template",
        "detail_id.effective_description_template",
    )
    def _compute_description(self):
        # Only an empty description takes the template: what the agent wrote
        # stays when the classification changes.
        for ticket in self:
            if not is_html_empty(ticket.description):
                continue
            template = ticket._get_deepest_category().effective_description_template
            if not is_html_empty(template):
                ticket.description = template

    @api.depends(
        "category_id.attachment_required",
        "subcategory_id.attachment_required",
        "detail_id.attachment_required",
        "attachment_ids",
    )
    def _compute_is_complete(self):
        # ir.attachment recomputes this when a file of a ticket comes or goes.
        for ticket in self:
            ticket.is_complete = bool(
                not ticket.attachment_required or ticket.attachment_ids
            )

    @api.depends("attachment_ids")
    def _compute_attachment_count(self):
        for ticket in self:
            ticket.attachment_count = len(ticket.attachment_ids)
            ticket.has_attachment = bool(ticket.attachment_ids)

    @api.depends("number")
    def _compute_display_name(self):
        for ticket in self:
            ticket.display_name = (
                f"#{ticket.number}" if ticket.number else self.env._("New")
            )

    @api.constrains("code_state", "service_id", "partner_id")
    def _check_service_id(self):
        # Required in the form, but checked here with words: over the API a
        # missing service would otherwise surface as a missing customer.
        for ticket in self:
            if ticket.code_state == "no_service":
                ticket._check_customer_without_service()
                continue
            if not ticket.service_id:
                raise ValidationError(
                    self.env._("Choose the service code the ticket is about.")
                )
            if ticket.service_id.state != ticket.code_state:
                raise ValidationError(
                    self.env._(
                        "The service %(service)s is not in the chosen code status.",
                        service=ticket.service_id.display_name,
                    )
                )
            if ticket.partner_id != ticket.service_id.partner_id:
                raise ValidationError(
                    self.env._("The customer must be the one of the service.")
                )

    def _check_customer_without_service(self):
        self.ensure_one()
        if self.service_id:
            raise ValidationError(
                self.env._("A ticket without recurring service has no service code.")
            )
        if not self.partner_id:
            raise ValidationError(self.env._("Choose the customer of the ticket."))
        if not self.partner_id.gserp_is_customer:
            raise ValidationError(
                self.env._(
                    "%(partner)s is not a customer: users, the companies' own "
                    "contacts and archived contacts cannot be one.",
                    partner=self.partner_id.display_name,
                )
            )

    @api.constrains("category_id", "subcategory_id", "detail_id")
    def _check_category_chain(self):
        for ticket in self:
            if ticket.category_id.parent_id:
                raise ValidationError(
                    self.env._("The category must be a top-level category.")
                )
            sub = ticket.subcategory_id
            if sub and sub.parent_id != ticket.category_id:
                raise ValidationError(
                    self.env._("The subcategory must belong to the chosen category.")
                )
            if ticket.detail_id and ticket.detail_id.parent_id != ticket.subcategory_id:
                raise ValidationError(
                    self.env._("The detail must belong to the chosen subcategory.")
                )

    @api.constrains(
        "contact_name",
        "contact_phone",
        "contact_identification",
        "category_id",
        "subcategory_id",
        "detail_id",
        "origin",
    )
    def _check_contact(self):
        for ticket in self:
            if not ticket.contact_required:
                continue
            if not (
                ticket.contact_name
                and ticket.contact_phone
                and ticket.contact_identification
            ):
                raise ValidationError(
                    self.env._(
                        "Enter the name, phone and ID number of the person who "
                        "asked for this ticket."
                    )
                )

    @api.constrains("description")
    def _check_description(self):
        # The editor leaves markup such as <p><br></p> or a lone &nbsp; in a
        # field it shows as empty, which the plain required check accepts.
        if any(self._is_blank_html(ticket.description) for ticket in self):
            raise ValidationError(self.env._("Describe what the ticket must solve."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Always the sequence's: a number typed over the API would collide
            # with the one the sequence gives a later ticket.
            vals["number"] = self._get_next_number(vals.get("company_id"))
        return super().create(vals_list)

    def action_cancel(self):
        """Withdraw tickets: users may not delete them, only managers may."""
        stage = self.env.ref("gserp_tickets.gserp_ticket_stage_cancelled")
        for ticket in self.filtered(lambda ticket: ticket.stage_id != stage):
            ticket.stage_id = stage
            # Logged, not sent: an agent without an email address can cancel too.
            ticket._message_log(body=self.env._("Ticket cancelled."))
        return True

    @api.model
    def _get_system_fields(self):
        """Return the fields that only the addon's own code writes, as superuser:
        values from users for them are refused (gserp_ticket_input.py)."""
        return {"attachment_count", "has_attachment", "is_complete"}

    @api.model
    def _is_blank_html(self, html):
        if is_html_empty(html):
            return True
        return "<img" not in html and not html2plaintext(html).strip()

    def _get_next_number(self, company_id):
        company = self.env["res.company"].browse(company_id) or self.env.company
        sequence = self.env["ir.sequence"].with_company(company)
        return sequence.next_by_code("gserp.ticket")

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        # Every stage is a column of the kanban, also the empty ones.
        return stages.search([])

    def _get_deepest_category(self):
        """Return the most precise level chosen, whose rules apply."""
        self.ensure_one()
        return self.detail_id or self.subcategory_id or self.category_id

    def _update_attachment_state(self):
        """Recompute what depends on the ticket's files after they changed.

        The files point to the ticket by a model name and an id, which the ORM
        does not follow on its own.
        """
        self.invalidate_recordset(["attachment_ids"])
        self.modified(["attachment_ids"])
