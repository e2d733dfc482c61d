from odoo.tests import HttpCase, tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestTicketFlowTour(GserpTicketsCase, HttpCase):
    """A ticket from Nuevo to Cerrado with its SLA in sight, in headless Chromium:
    static/tests/tours/ticket_flow_tours.js."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._ensure_spanish()
        cls.user.write({"lang": "es_EC", "tz": "America/Guayaquil"})
        # Two working days: whenever the suite runs, the ticket is on time.
        cls.cat_maintenance.sla_hours = 16

    def test_tour_ticket_from_new_to_closed(self):
        self.ticket = self.create_ticket(
            category_id=self.cat_maintenance,
            subcategory_id=self.cat_corrective,
            detail_id=self.cat_integral,
        )
        self.assertEqual(self.ticket.sla_state, "on_time")
        self.start_tour(
            "/odoo/action-gserp_tickets.gserp_ticket_action?view_type=kanban",
            "gserp_ticket_flow_sla",
            login=self.user.login,
        )
        self.assertEqual(
            self.ticket.stage_id,
            self.env.ref("gserp_tickets.gserp_ticket_stage_closed"),
        )
        self.assertTrue(self.ticket.close_date)
        self.assertEqual(self.ticket.sla_state, "on_time")
        self.assertFalse(self.ticket.sla_paused_since)
