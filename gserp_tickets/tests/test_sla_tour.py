from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestSlaTour(GserpTicketsCase, HttpCase):
    """The SLA in headless Chromium: static/tests/tours/sla_tours.js."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._ensure_spanish()
        cls.user.write({"lang": "es_EC", "tz": "America/Guayaquil"})
        team = cls.env["gserp.ticket.team"].create({"name": "Soporte SLA"})
        cls.cat_maintenance.write({"team_id": team.id, "sla_hours": 40})
        values = {
            "category_id": cls.cat_maintenance.id,
            "subcategory_id": cls.cat_corrective.id,
            "detail_id": cls.cat_integral.id,
            "description": "<p>Revisar la sirena.</p>",
        }
        # Opened sixty days ago: forty working hours are long gone.
        opened = fields.Datetime.now() - timedelta(days=60)
        with patch.object(cls.env.cr, "now", lambda: opened):
            cls.late = cls.env["gserp.ticket"].create(
                {
                    **values,
                    "code_state": "inactive",
                    "service_id": cls.service_inactive.id,
                }
            )
        cls.on_time = cls.env["gserp.ticket"].create(
            {**values, "code_state": "active", "service_id": cls.service_active.id}
        )

    def test_tour_sla(self):
        self.assertEqual(self.late.sla_state, "late")
        self.assertEqual(self.on_time.sla_state, "on_time")
        self.start_tour(
            "/odoo/action-gserp_tickets.gserp_ticket_action",
            "gserp_ticket_sla",
            login=self.user.login,
        )
        self.on_time.invalidate_recordset()
        self.assertEqual(
            self.on_time.stage_id,
            self.env.ref("gserp_tickets.gserp_ticket_stage_cancelled"),
        )
        self.assertTrue(self.on_time.close_date)
        self.assertFalse(self.on_time.sla_paused_since)
        self.assertEqual(self.on_time.sla_state, "on_time")
