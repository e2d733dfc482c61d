from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestGserpTicketCategory(GserpTicketsCase):
    def test_complete_name_shows_the_path(self):
        self.assertEqual(
            self.cat_fence.display_name,
            "Test Monitoreo / Falsas activaciones / Cerco eléctrico",
        )
        # Inside a ticket, each level has its own field: only the name is shown.
        short = self.cat_fence.with_context(gserp_category_short_name=True)
        self.assertEqual(short.display_name, "Cerco eléctrico")
        self.cat_monitoring.name = "Monitoreo 24/7"
        self.assertTrue(self.cat_fence.complete_name.startswith("Monitoreo 24/7 / "))

    def test_at_most_three_levels(self):
        Category = self.env["gserp.ticket.category"]
        with self.assertRaises(ValidationError):
            Category.create({"name": "Cuarto nivel", "parent_id": self.cat_fence.id})
        # Moving a two-level branch under a subcategory would make four levels.
        with self.assertRaises(ValidationError):
            self.cat_false_alarm.parent_id = self.cat_corrective

    def test_no_cycles(self):
        with self.assertRaises(UserError):
            self.cat_monitoring.parent_id = self.cat_fence

    def test_deepest_level_decides_contact(self):
        self.cat_corrective.contact_policy = "optional"
        ticket = self.env["gserp.ticket"].new(
            {
                "category_id": self.cat_maintenance.id,
                "subcategory_id": self.cat_corrective.id,
            }
        )
        self.assertFalse(ticket.contact_required)
        ticket.category_id = self.cat_monitoring
        self.assertTrue(ticket.contact_required)

    def test_children_inherit_rules_unless_they_set_their_own(self):
        # A root that sets nothing follows the procedure: both are required.
        self.assertTrue(self.cat_monitoring.contact_required)
        self.assertTrue(self.cat_fence.attachment_required)
        self.cat_monitoring.attachment_policy = "optional"
        self.assertFalse(self.cat_false_alarm.attachment_required)
        self.assertFalse(self.cat_fence.attachment_required)
        self.cat_fence.attachment_policy = "required"
        self.assertTrue(self.cat_fence.attachment_required)
        self.assertFalse(self.cat_false_alarm.attachment_required)
        # Integral maintenance sets its own: no contact, whatever its parents say.
        self.cat_maintenance.contact_policy = "required"
        self.assertFalse(self.cat_integral.contact_required)
        self.assertTrue(self.cat_corrective.contact_required)

    def test_description_template_prefills_an_empty_description(self):
        self.cat_monitoring.description_template = "<p>Zona afectada:</p>"
        self.cat_fence.description_template = "<p>Zona del cerco:</p>"
        form = self.new_ticket_form()
        form.category_id = self.cat_monitoring
        self.assertIn("Zona afectada:", form.description)
        # The agent's words stay when the classification becomes more precise.
        form.description = "<p>Revisar la zona 15</p>"
        form.subcategory_id = self.cat_false_alarm
        form.detail_id = self.cat_fence
        self.assertIn("Revisar la zona 15", form.description)
        self.assertNotIn("Zona del cerco", form.description)
        # An empty description takes the deepest level's template.
        form.detail_id = self.env["gserp.ticket.category"]
        form.description = "<p><br></p>"
        form.detail_id = self.cat_fence
        self.assertIn("Zona del cerco:", form.description)

    def test_completeness_follows_the_category_and_the_files(self):
        ticket = self.create_ticket()
        self.assertFalse(ticket.is_complete)
        self.assertIn(ticket, self.search_filter("gserp.ticket", "incomplete"))
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.user)
            .create(
                {
                    "name": "informe.pdf",
                    "raw": b"%PDF-1.4 informe",
                    "res_model": "gserp.ticket",
                    "res_id": ticket.id,
                }
            )
        )
        self.assertTrue(ticket.is_complete)
        self.assertNotIn(ticket, self.search_filter("gserp.ticket", "incomplete"))
        attachment.unlink()
        self.assertFalse(ticket.is_complete)
        # A category that asks for no document makes the ticket complete.
        self.cat_false_alarm.attachment_policy = "optional"
        self.assertTrue(ticket.is_complete)
        self.assertNotIn(ticket, self.search_filter("gserp.ticket", "incomplete"))

    def test_resolution_target_is_a_sensible_number_of_hours(self):
        for hours in (-1, 2_001, float("nan"), float("inf")):
            with self.subTest(hours=hours), self.assertRaises(ValidationError):
                self.cat_monitoring.sla_hours = hours
                self.cat_monitoring.flush_recordset()
        self.cat_monitoring.sla_hours = 2_000
        self.cat_monitoring.sla_hours = 0
        self.assertEqual(self.cat_fence.effective_sla_hours, 0)
