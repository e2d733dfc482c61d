from odoo.tests import HttpCase, tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestTicketTours(GserpTicketsCase, HttpCase):
    """The procedure walked in headless Chromium by an operator in es_EC.

    The tours are in static/tests/tours/ticket_procedure_tours.js; each one is
    followed here by what it must have written in the database.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._ensure_spanish()
        cls.user.write({"lang": "es_EC", "tz": "America/Guayaquil"})
        cls.cat_false_alarm.description_template = (
            "<p>Zona afectada: </p><p>Desde cuándo ocurre: </p>"
        )
        Category = cls.env["gserp.ticket.category"]
        cls.cat_sensors = Category.create(
            {"name": "Revisión de sensores", "parent_id": cls.cat_corrective.id}
        )
        cls.cat_installation = Category.create({"name": "Test Instalación"})
        cls.cat_alarm = Category.create(
            {"name": "Sistema de alarma", "parent_id": cls.cat_installation.id}
        )
        cls.cat_new_alarm = Category.create(
            {"name": "Instalación nueva", "parent_id": cls.cat_alarm.id}
        )

    def run_procedure_tour(self, tour):
        self.start_tour(
            "/odoo/action-gserp_tickets.gserp_ticket_action",
            tour,
            login=self.user.login,
        )
        tickets = self.env["gserp.ticket"].search([("create_uid", "=", self.user.id)])
        # The tour saves with a double click: still one ticket.
        self.assertEqual(len(tickets), 1)
        return tickets

    def assert_procedure_defaults(self, ticket):
        self.assertEqual(
            ticket.campaign_id, self.env.ref("gserp_tickets.utm_campaign_no_campaign")
        )
        self.assertEqual(ticket.medium_id, self.env.ref("utm.utm_medium_website"))
        self.assertEqual(ticket.origin, "manual")
        self.assertTrue(ticket.number)

    def test_tour_active_service(self):
        ticket = self.run_procedure_tour("gserp_ticket_procedure_active")
        self.assertEqual(ticket.code_state, "active")
        self.assertEqual(ticket.service_id, self.service_active)
        self.assertEqual(ticket.partner_id, self.client_active)
        self.assertEqual(
            ticket.category_id | ticket.subcategory_id | ticket.detail_id,
            self.cat_monitoring | self.cat_false_alarm | self.cat_fence,
        )
        self.assertEqual(
            (ticket.contact_name, ticket.contact_phone, ticket.contact_identification),
            ("María Vivar", "0991234567", "1712345675"),
        )
        # The category's template came first; the agent wrote over its first line.
        self.assertIn("Revisar la zona 15 del cerco eléctrico", ticket.description)
        self.assertIn("Desde cuándo ocurre", ticket.description)
        self.assert_procedure_defaults(ticket)
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["orden_de_trabajo.pdf"])
        self.assertTrue(ticket.is_complete)
        note = ticket.message_ids.filtered("attachment_ids")
        self.assertIn("Orden de trabajo firmada", note.body)

    def test_tour_no_recurring_service(self):
        ticket = self.run_procedure_tour("gserp_ticket_procedure_no_service")
        self.assertEqual(ticket.code_state, "no_service")
        self.assertFalse(ticket.service_id)
        self.assertEqual(ticket.partner_id, self.final_consumer)
        self.assertEqual(ticket.detail_id, self.cat_new_alarm)
        self.assertEqual(ticket.contact_name, "María Vivar")
        self.assertIn("Cotizar un sistema de alarma", ticket.description)
        self.assert_procedure_defaults(ticket)
        # No document attached yet: the ticket is not complete.
        self.assertFalse(ticket.is_complete)

    def test_tour_category_without_contact(self):
        ticket = self.run_procedure_tour("gserp_ticket_procedure_no_contact")
        self.assertEqual(ticket.detail_id, self.cat_integral)
        self.assertFalse(ticket.contact_required)
        self.assertFalse(
            ticket.contact_name or ticket.contact_phone or ticket.contact_identification
        )
        self.assertIn("mantenimiento integral", ticket.description)
        self.assert_procedure_defaults(ticket)
