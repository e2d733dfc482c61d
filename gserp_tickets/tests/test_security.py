from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged, users

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestSecurity(GserpTicketsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="gserp_manager",
            groups="gserp_tickets.group_gserp_tickets_manager",
        )
        cls.other_company = cls.env["res.company"].create({"name": "Otra Empresa"})
        cls.other_user = new_test_user(
            cls.env,
            login="gserp_other",
            groups="gserp_tickets.group_gserp_tickets_user",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.ticket = cls.env["gserp.ticket"].create(
            {
                "code_state": "no_service",
                "description": "<p>Cotización</p>",
                "contact_name": "Ana",
                "contact_phone": "0990000000",
                "contact_identification": "1712345675",
            }
        )
        cls.own_category = cls.env["gserp.ticket.category"].create(
            {"name": "Solo matriz", "company_id": cls.env.company.id}
        )

    @users("gserp_operator")
    def test_user_registers_but_does_not_delete_tickets(self):
        ticket = self.ticket.with_env(self.env)
        ticket.priority = "2"
        with self.assertRaises(AccessError):
            ticket.unlink()

    @users("gserp_operator")
    def test_user_reads_but_does_not_change_configuration(self):
        service = self.service_active.with_env(self.env)
        self.assertEqual(service.code, "T-100")
        with self.assertRaises(AccessError):
            service.state = "inactive"
        with self.assertRaises(AccessError):
            self.env["gserp.ticket.category"].create({"name": "Nueva"})
        with self.assertRaises(AccessError):
            self.env["gserp.zone"].create({"name": "Sur"})

    @users("gserp_manager")
    def test_manager_changes_configuration_and_deletes_tickets(self):
        self.env["gserp.ticket.category"].create({"name": "Nueva"})
        self.service_active.with_env(self.env).state = "inactive"
        self.ticket.with_env(self.env).unlink()

    @users("gserp_other")
    def test_other_company_sees_only_its_records_and_shared_categories(self):
        self.assertFalse(self.env["gserp.ticket"].search([("id", "=", self.ticket.id)]))
        self.assertFalse(self.env["gserp.service"].search([]))
        self.assertFalse(self.env["gserp.zone"].search([]))
        categories = self.env["gserp.ticket.category"].search([])
        self.assertIn(self.cat_fence, categories)
        self.assertNotIn(self.own_category, categories)
        with self.assertRaises(AccessError):
            self.ticket.with_env(self.env).read(["number"])
