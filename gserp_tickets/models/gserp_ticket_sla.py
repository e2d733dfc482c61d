import logging
from datetime import timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

SLA_STATES = [
    ("on_time", "On Time"),
    ("at_risk", "At Risk"),
    ("late", "Late"),
]

# Share of the target after which a ticket is at risk of missing its deadline.
SLA_RISK_RATIO = 0.75


class GserpTicket(models.Model):
    """The resolution target of a ticket, counted in working hours.

    The clock starts when the ticket is created, runs in the working hours of
    the team's calendar (the company's without a team) and stops while the
    ticket is in a stage that pauses it: the working hours spent there push
    the deadline further.
    """

    _inherit = "gserp.ticket"

    # The target and the clock
    sla_hours = fields.Float(
        string="Resolution Target (hours)",
        compute="_compute_sla_hours",
        store=True,
        precompute=True,
        help="Working hours within which the ticket should be solved, taken from "
        "its category when it is classified. 0: no target.",
    )
    sla_paused_hours = fields.Float(
        string="Paused Working Hours",
        readonly=True,
        copy=False,
        help="Working hours the ticket has spent in stages that pause the SLA "
        "clock, not counting the current pause.",
    )
    sla_paused_since = fields.Datetime(
        string="SLA Paused Since",
        readonly=True,
        copy=False,
    )
    sla_deadline = fields.Datetime(
        string="SLA Deadline",
        compute="_compute_sla_deadline",
        store=True,
        index="btree_not_null",
        copy=False,
    )
    sla_risk_date = fields.Datetime(
        string="SLA at Risk From",
        compute="_compute_sla_deadline",
        store=True,
        index="btree_not_null",
        copy=False,
        help="When three quarters of the target are used up.",
    )
    # Stored: the list, the kanban and the filters read it for every row; the
    # cron moves it on as time passes.
    sla_state = fields.Selection(
        selection=SLA_STATES,
        string="SLA State",
        compute="_compute_sla_state",
        store=True,
        index="btree_not_null",
        copy=False,
    )

    # The end of the work
    close_date = fields.Datetime(string="Closed on", readonly=True, copy=False)
    close_hours = fields.Float(
        string="Hours to Close",
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Working hours from the creation of the ticket to its close.",
    )

    @api.depends("category_id", "subcategory_id", "detail_id")
    def _compute_sla_hours(self):
        # Only the ticket's own classification is a trigger: a new target on a
        # category applies to its new tickets, not to those already promised.
        for ticket in self:
            ticket.sla_hours = ticket._get_deepest_category().effective_sla_hours

    @api.depends("create_date", "sla_hours", "sla_paused_hours", "team_id")
    def _compute_sla_deadline(self):
        for ticket in self:
            calendar = ticket._get_sla_calendar()
            if not (ticket.sla_hours and ticket.create_date and calendar):
                ticket.sla_deadline = ticket.sla_risk_date = False
                continue
            ticket.sla_deadline = ticket._plan_sla_hours(ticket.sla_hours)
            ticket.sla_risk_date = ticket._plan_sla_hours(
                ticket.sla_hours * SLA_RISK_RATIO
            )

    @api.depends("sla_deadline", "sla_risk_date", "sla_paused_since", "close_date")
    def _compute_sla_state(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.sla_state = ticket._get_sla_state(now)

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        for ticket in tickets:
            # A ticket can be registered directly in a stage that pauses the
            # clock or closes the ticket.
            values = ticket._prepare_sla_stage_values(ticket.stage_id)
            if values:
                # sudo: the clock's own fields, which users may not write.
                ticket.sudo().write(values)
        return tickets

    def write(self, vals):
        if "stage_id" not in vals:
            return super().write(vals)
        stage = self.env["gserp.ticket.stage"].browse(vals["stage_id"])
        # Prepared from the clock as it stands in the stage being left.
        values_per_ticket = [
            (ticket, ticket._prepare_sla_stage_values(stage)) for ticket in self
        ]
        if not any(values for __, values in values_per_ticket):
            return super().write(vals)
        for ticket, values in values_per_ticket:
            super(GserpTicket, ticket).write({**vals, **values})
        reopened = [
            ticket.id
            for ticket, values in values_per_ticket
            if values.get("close_date") is False
        ]
        self.browse(reopened)._clear_close_hours()
        return True

    @api.model
    def _cron_update_sla_state(self):
        """Move open, running tickets to at risk or late as their dates pass.

        Only running tickets past their risk date and not yet late are read,
        through the indexes of the dates, so that the cron stays cheap on many
        tickets.
        """
        running_past_risk = self.search(
            [
                ("close_date", "=", False),
                ("sla_paused_since", "=", False),
                ("sla_risk_date", "<", fields.Datetime.now()),
                ("sla_state", "!=", "late"),
            ]
        )
        before = {ticket.id: ticket.sla_state for ticket in running_past_risk}
        # The stored compute applies the rule, as it does on every write.
        self.env.add_to_compute(self._fields["sla_state"], running_past_risk)
        running_past_risk._recompute_recordset(["sla_state"])
        moved = running_past_risk.filtered(
            lambda ticket: ticket.sla_state != before[ticket.id]
        )
        if moved:
            _logger.info("SLA: %s tickets now at risk or late", len(moved))

    @api.model
    def _get_system_fields(self):
        return super()._get_system_fields() | {
            "sla_hours",
            "sla_paused_hours",
            "sla_paused_since",
            "sla_deadline",
            "sla_risk_date",
            "sla_state",
            "close_date",
            "close_hours",
        }

    def _clear_close_hours(self):
        """Leave open tickets out of the average time to close.

        The ORM stores an emptied float as 0, which an average counts as a
        ticket closed at once; only NULL is left out.
        """
        if not self:
            return
        self.flush_recordset(["close_hours"])
        self.env.cr.execute(
            "UPDATE gserp_ticket SET close_hours = NULL "
            "WHERE id IN %s AND close_hours IS NOT NULL",
            [tuple(self.ids)],
        )
        self.invalidate_recordset(["close_hours"])

    def _get_sla_calendar(self):
        self.ensure_one()
        return self.team_id.resource_calendar_id or self.company_id.resource_calendar_id

    def _plan_sla_hours(self, hours):
        """Return the moment the given working hours of the target are used up,
        counting from the creation and skipping the pauses so far."""
        self.ensure_one()
        moment = self._get_sla_calendar().plan_hours(
            hours + self.sla_paused_hours, self.create_date, compute_leaves=True
        )
        if not moment:
            return False
        # Rounded: a float of hours can land a microsecond before the second.
        return (moment + timedelta(microseconds=500000)).replace(microsecond=0)

    def _get_sla_work_hours(self, start, end):
        """Return the working hours of the ticket's calendar between two moments,
        or the plain hours without a calendar."""
        self.ensure_one()
        calendar = self._get_sla_calendar()
        if not calendar:
            return max((end - start).total_seconds() / 3600, 0.0)
        return calendar.get_work_hours_count(start, end, compute_leaves=True)

    def _get_sla_state(self, now):
        self.ensure_one()
        if not self.sla_deadline:
            return False
        # A closed or paused ticket keeps the state it had at that moment.
        moment = self.close_date or self.sla_paused_since or now
        if moment > self.sla_deadline:
            return "late"
        if moment > self.sla_risk_date:
            return "at_risk"
        return "on_time"

    def _prepare_sla_stage_values(self, stage):
        """Return the values that moving the ticket to ``stage`` sets on its
        clock: a pause starts or ends, the ticket closes or opens again."""
        self.ensure_one()
        now = fields.Datetime.now()
        values = {}
        pauses = stage.pauses_sla and not stage.is_closed
        if self.sla_paused_since and not pauses:
            values["sla_paused_hours"] = self.sla_paused_hours + (
                self._get_sla_work_hours(self.sla_paused_since, now)
            )
            values["sla_paused_since"] = False
        elif pauses and not self.sla_paused_since:
            values["sla_paused_since"] = now
        if stage.is_closed and not self.close_date:
            values["close_date"] = now
            values["close_hours"] = self._get_sla_work_hours(self.create_date, now)
        elif not stage.is_closed and self.close_date:
            # write() empties close_hours too, as NULL (_clear_close_hours).
            values["close_date"] = False
        return values
