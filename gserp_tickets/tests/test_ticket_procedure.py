from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestTicketProcedure(GserpTicketsCase):
    """One test per step of "Pasos para crear un ticket", as an operator."""

    def test_step_01_03_menu_leads_to_ticket_creation(self):
        menus = self.env["ir.ui.menu"].with_user(self.user)._visible_menu_ids()
        root = self.env.ref("gserp_tickets.gserp_tickets_menu_root")
        tickets = self.env.ref("gserp_tickets.gserp_ticket_menu")
        self.assertIn(root.id, menus)
        self.assertIn(tickets.id, menus)
        action = self.env.ref("gserp_tickets.gserp_ticket_action")
        self.assertEqual(tickets.action, action)
        Ticket = self.env["gserp.ticket"].with_user(self.user)
        self.assertTrue(Ticket.has_access("create"))

    def test_step_05_code_state_filters_offered_services(self):
        form = self.new_ticket_form()
        form.code_state = "active"
        offered = self.offered(form, "service_id")
        self.assertIn(self.service_active, offered)
        self.assertNotIn(self.service_suspended, offered)
        form.code_state = "suspended"
        offered = self.offered(form, "service_id")
        self.assertIn(self.service_suspended, offered)
        self.assertNotIn(self.service_active, offered)

    def test_step_05_service_of_another_state_is_refused(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        form.code_state = "active"
        form.service_id = self.service_suspended
        with self.assertRaises(ValidationError):
            form.save()

    def test_step_05_changing_code_state_clears_service(self):
        form = self.new_ticket_form()
        form.code_state = "active"
        form.service_id = self.service_active
        form.code_state = "inactive"
        self.assertFalse(form.service_id)
        form.service_id = self.service_inactive
        form.code_state = "inactive"
        self.assertEqual(form.service_id, self.service_inactive)

    def test_step_06_customer_follows_service(self):
        form = self.new_ticket_form()
        form.code_state = "active"
        form.service_id = self.service_active
        self.assertEqual(form.partner_id, self.client_active)
        self.assertEqual(form.city, "Quito")
        self.assertEqual(form.service_zone_id, self.zone_service)
        with self.assertRaisesRegex(AssertionError, "readonly"):
            form.partner_id = self.client_inactive
        form.code_state = "inactive"
        form.service_id = self.service_inactive
        self.assertEqual(form.partner_id, self.client_inactive)

    def test_step_06_service_required_when_code_state_has_services(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        form.code_state = "suspended"
        self.assertFalse(form.service_id)
        with self.assertRaisesRegex(AssertionError, "service_id"):
            form.save()

    def test_step_06_no_recurring_service_uses_final_consumer(self):
        form = self.fill_ticket_form(self.new_ticket_form(), "no_service")
        with self.assertRaisesRegex(AssertionError, "invisible"):
            form.service_id = self.service_active
        ticket = form.save()
        self.assertFalse(ticket.service_id)
        self.assertEqual(ticket.partner_id.vat, "9999999999999")
        self.assertEqual(ticket.partner_id.name, "Consumidor Final")

    def test_step_06_no_recurring_service_lets_choose_the_customer(self):
        form = self.new_ticket_form()
        form.code_state = "active"
        form.service_id = self.service_active
        form.code_state = "no_service"
        self.assertFalse(form.service_id)
        # Step 6.2: the client is found by RUC or name, and both are shown.
        offered = self.offered(form, "partner_id").with_context(
            **form._get_context("partner_id")
        )
        shown = offered.mapped("display_name")
        self.assertIn("1712345675001 - Cliente Activo", shown)
        form.partner_id = self.client_suspended
        self.fill_ticket_form(form, "no_service")
        self.assertEqual(form.save().partner_id, self.client_suspended)

    def test_step_07_campaign_and_medium_are_filled(self):
        form = self.new_ticket_form()
        self.assertEqual(form.campaign_id.display_name, "Sin Campaña")
        self.assertEqual(form.medium_id, self.env.ref("utm.utm_medium_website"))
        campaign = self.env["utm.campaign"].create({"title": "Verano Seguro"})
        self.fill_ticket_form(form)
        form.campaign_id = campaign
        self.assertEqual(form.save().campaign_id, campaign)

    def test_step_08_category_levels_offer_the_right_choices(self):
        form = self.new_ticket_form()
        categories = self.offered(form, "category_id")
        self.assertIn(self.cat_maintenance, categories)
        self.assertNotIn(self.cat_corrective, categories)
        self.assertFalse(self.offered(form, "subcategory_id"))
        form.category_id = self.cat_maintenance
        self.assertEqual(self.offered(form, "subcategory_id"), self.cat_corrective)
        form.subcategory_id = self.cat_corrective
        self.assertEqual(self.offered(form, "detail_id"), self.cat_integral)

    def test_step_08_changing_a_level_clears_the_levels_below(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        form.subcategory_id = self.cat_false_alarm
        self.assertEqual(form.detail_id, self.cat_fence)
        form.category_id = self.cat_maintenance
        self.assertFalse(form.subcategory_id)
        self.assertFalse(form.detail_id)
        form.subcategory_id = self.cat_corrective
        form.detail_id = self.cat_integral
        form.subcategory_id = self.cat_false_alarm
        self.assertFalse(form.detail_id)

    def test_step_08_inconsistent_levels_are_refused(self):
        ticket = self.create_ticket()
        with self.assertRaises(ValidationError):
            ticket.write({"detail_id": self.cat_integral.id})
        with self.assertRaises(ValidationError):
            ticket.write({"category_id": self.cat_false_alarm.id})

    def test_step_09_contact_is_required_by_default(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        form.contact_phone = False
        with self.assertRaisesRegex(AssertionError, "contact_phone"):
            form.save()
        form.category_id = self.env["gserp.ticket.category"]
        with self.assertRaisesRegex(AssertionError, "contact_phone"):
            form.save()
        ticket = self.create_ticket()
        with self.assertRaises(ValidationError):
            ticket.with_user(self.user).contact_identification = False

    def test_step_09_no_contact_for_integral_maintenance(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        form.category_id = self.cat_maintenance
        form.subcategory_id = self.cat_corrective
        form.detail_id = self.cat_integral
        form.contact_name = False
        form.contact_phone = False
        form.contact_identification = False
        ticket = form.save()
        self.assertFalse(ticket.contact_name)
        # The deepest level decides: without the detail, a contact is needed.
        with self.assertRaises(ValidationError):
            ticket.with_user(self.user).detail_id = False

    def test_step_10_description_is_required(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        form.description = False
        with self.assertRaisesRegex(AssertionError, "description"):
            form.save()
        form.description = "<p><br></p>"
        with self.assertRaises(ValidationError):
            form.save()

    def test_step_11_saving_gives_a_ticket_number(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        self.assertFalse(form.number)
        self.assertEqual(form.origin, "manual")
        with self.assertRaisesRegex(AssertionError, "readonly"):
            form.number = "1"
        first = form.save()
        second = self.create_ticket()
        self.assertTrue(first.number)
        self.assertNotEqual(first.number, second.number)
        self.assertEqual(first.display_name, f"#{first.number}")
        self.assertEqual(first.create_uid, self.user)
        self.assertNotEqual(first.copy().number, first.number)

    def test_step_12_logged_attachment_completes_the_ticket(self):
        ticket = self.create_ticket()
        incomplete = self.search_filter("gserp.ticket", "incomplete")
        self.assertIn(ticket, incomplete)
        self.assertFalse(ticket.has_attachment)
        # What the chatter does: upload to the composer, then log a note.
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.user)
            .create(
                {
                    "name": "orden_de_trabajo.pdf",
                    "raw": b"%PDF-1.4 orden",
                    "res_model": "mail.compose.message",
                    "res_id": 0,
                }
            )
        )
        ticket.with_user(self.user).message_post(
            body="Orden de trabajo firmada",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            attachment_ids=attachment.ids,
        )
        self.assertTrue(ticket.has_attachment)
        self.assertEqual(ticket.attachment_count, 1)
        self.assertEqual(ticket.attachment_ids, attachment)
        self.assertNotIn(ticket, self.search_filter("gserp.ticket", "incomplete"))
