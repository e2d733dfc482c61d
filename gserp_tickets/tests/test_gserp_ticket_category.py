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
        self.cat_corrective.contact_required = False
        ticket = self.env["gserp.ticket"].new(
            {
                "category_id": self.cat_maintenance.id,
                "subcategory_id": self.cat_corrective.id,
            }
        )
        self.assertFalse(ticket.contact_required)
        ticket.category_id = self.cat_monitoring
        self.assertTrue(ticket.contact_required)
