from odoo.tests import tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestDuplicates(GserpTicketsCase):
    """The form warns of an open ticket alike before the agent saves another."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client_walk_in = cls.env["res.partner"].create(
            {"name": "Cliente Sin Servicio"}
        )

    def test_same_service_and_category_is_shown(self):
        existing = self.create_ticket()
        form = self.fill_ticket_form(self.new_ticket_form())
        self.assertEqual(form.duplicate_ticket_ids[:], existing)

        # Another classification, or another service, is another need.
        form.detail_id = self.env["gserp.ticket.category"]
        self.assertFalse(form.duplicate_ticket_ids[:])
        form.detail_id = self.cat_fence
        self.assertEqual(form.duplicate_ticket_ids[:], existing)
        form.code_state = "suspended"
        form.service_id = self.service_suspended
        self.assertFalse(form.duplicate_ticket_ids[:])

    def test_banner_lists_the_ticket(self):
        existing = self.create_ticket()
        form = self.fill_ticket_form(self.new_ticket_form())
        banner = form._view["tree"].xpath("//div[@name='duplicate_warning']")[0]
        self.assertEqual(banner.get("invisible"), "not duplicate_ticket_ids")
        self.assertEqual(
            banner.xpath(".//field/@name")[0],
            "duplicate_ticket_ids",
        )
        self.assertEqual(form.duplicate_ticket_ids[0].number, existing.number)

    def test_closed_ticket_is_no_duplicate(self):
        existing = self.create_ticket()
        existing.stage_id = self.env.ref("gserp_tickets.gserp_ticket_stage_solved")
        form = self.fill_ticket_form(self.new_ticket_form())
        self.assertEqual(form.duplicate_ticket_ids[:], existing)
        existing.action_cancel()
        form = self.fill_ticket_form(self.new_ticket_form())
        self.assertFalse(form.duplicate_ticket_ids[:])

    def test_saved_ticket_is_not_its_own_duplicate(self):
        existing = self.create_ticket()
        self.assertFalse(existing.duplicate_ticket_ids)
        second = self.create_ticket()
        self.assertEqual(second.duplicate_ticket_ids, existing)
        self.assertEqual(existing.duplicate_ticket_ids, second)

    def test_without_service_the_customer_counts(self):
        form = self.fill_ticket_form(self.new_ticket_form(), "no_service")
        self.assertEqual(form.partner_id, self.final_consumer)
        form.save()
        # Consumidor Final is everybody: no warning for it.
        form = self.fill_ticket_form(self.new_ticket_form(), "no_service")
        self.assertFalse(form.duplicate_ticket_ids[:])

        form.partner_id = self.client_walk_in
        existing = form.save()
        form = self.fill_ticket_form(self.new_ticket_form(), "no_service")
        form.partner_id = self.client_walk_in
        self.assertEqual(form.duplicate_ticket_ids[:], existing)
