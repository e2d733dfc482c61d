from odoo.tests import tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestGserpService(GserpTicketsCase):
    def test_display_name_shows_code_ruc_and_client(self):
        self.assertEqual(
            self.service_active.display_name, "T-100 - 1712345675001 - Cliente Activo"
        )

    def test_display_name_leaves_out_missing_parts(self):
        # The old system printed "False - False - Administrator" in this list.
        self.assertEqual(
            self.service_suspended.display_name, "T-300 - Cliente Suspendido"
        )
        service = self.service_active.copy({"code": "T-101"})
        service.partner_id = self.env["res.partner"].create({"name": "Sin RUC"})
        Service = self.env["gserp.service"].with_user(self.user)
        for name in [*Service.search([]).mapped("display_name"), service.display_name]:
            self.assertNotIn("False", name)
        self.assertEqual(service.display_name, "T-101 - Sin RUC")

    def test_service_found_by_code_ruc_or_client_name(self):
        Service = self.env["gserp.service"].with_user(self.user)
        for text in ("T-100", "1712345675001", "Cliente Activo"):
            found = [service_id for service_id, _name in Service.name_search(text)]
            self.assertIn(self.service_active.id, found, text)
        self.assertNotIn(
            self.service_active.id, [sid for sid, _name in Service.name_search("T-200")]
        )

    def test_ticket_shows_service_details(self):
        ticket = self.create_ticket()
        self.assertEqual(ticket.responsible_phone, "0991234567")
        self.assertEqual(ticket.province_id, self.env.ref("base.state_ec_17"))
        self.assertEqual(ticket.attention_zone_id, self.zone_attention)
        self.assertEqual(str(ticket.service_start), "2005-03-18 00:00:00")

    def test_service_state_change_keeps_existing_tickets(self):
        ticket = self.create_ticket()
        self.service_active.state = "suspended"
        self.assertEqual(ticket.service_id, self.service_active)
