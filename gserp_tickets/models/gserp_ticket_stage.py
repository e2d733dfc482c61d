from odoo import fields, models


class GserpTicketStage(models.Model):
    """A step of a ticket's life, from Nuevo to Cerrado, shown as a kanban column."""

    _name = "gserp.ticket.stage"
    _description = "Ticket Stage"
    _order = "sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    is_closed = fields.Boolean(
        string="Closed Stage",
        help="Tickets in this stage are finished: they no longer count as open "
        "work of their assignee, nor as duplicates of new tickets.",
    )
    fold = fields.Boolean(
        string="Folded in Kanban",
        help="Show this stage as a folded column in the kanban view.",
    )
    pauses_sla = fields.Boolean(
        string="Pauses the SLA Clock",
        help="While a ticket is in this stage, for instance waiting for the "
        "customer, its working hours do not count towards its resolution target.",
    )
