from odoo.tests import HttpCase, tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestStageTour(GserpTicketsCase, HttpCase):
    """The kanban by stage in headless Chromium: static/tests/tours/stage_tours.js."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._ensure_spanish()
        cls.user.write({"lang": "es_EC", "tz": "America/Guayaquil"})
        cls.ticket = cls.env["gserp.ticket"].create(
            {
                "code_state": "active",
                "service_id": cls.service_active.id,
                "category_id": cls.cat_maintenance.id,
                "subcategory_id": cls.cat_corrective.id,
                "detail_id": cls.cat_integral.id,
                "description": "<p>Revisar la sirena.</p>",
            }
        )

    def test_tour_kanban_stages(self):
        self.assertEqual(
            self.ticket.stage_id, self.env.ref("gserp_tickets.gserp_ticket_stage_new")
        )
        self.start_tour(
            "/odoo/action-gserp_tickets.gserp_ticket_action?view_type=kanban",
            "gserp_ticket_kanban_stages",
            login=self.user.login,
        )
        self.assertEqual(
            self.ticket.stage_id,
            self.env.ref("gserp_tickets.gserp_ticket_stage_in_progress"),
        )
