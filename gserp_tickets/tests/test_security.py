from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged, users

from odoo.addons.base.models.res_users import name_selection_groups

from .common import GserpTicketsCase


def _other_company_user(env, company):
    """An operator who works only in the given company."""
    return new_test_user(
        env,
        login="gserp_other",
        groups="gserp_tickets.group_gserp_tickets_user",
        company_id=company.id,
        company_ids=[Command.set(company.ids)],
    )


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
        cls.other_user = _other_company_user(cls.env, cls.other_company)
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


@tagged("post_install", "-at_install")
class TestGroupsAndCancel(GserpTicketsCase):
    def test_groups_are_a_choice_in_the_user_form(self):
        user_group = self.env.ref("gserp_tickets.group_gserp_tickets_user")
        manager_group = self.env.ref("gserp_tickets.group_gserp_tickets_manager")
        field = name_selection_groups([user_group.id, manager_group.id])
        choices = self.env["res.users"].fields_get([field])[field]["selection"]
        self.assertEqual(
            [group_id for group_id, _name in choices],
            [False, user_group.id, manager_group.id],
        )
        self.assertIn(user_group, manager_group.implied_ids)
        self.assertIn(manager_group, self.env.ref("base.user_admin").groups_id)

    def test_portal_and_public_have_no_access_row(self):
        rows = self.env["ir.model.access"].search(
            [("model_id.model", "like", "gserp.%")]
        )
        self.assertTrue(rows)
        self.assertFalse(rows.filtered(lambda row: not row.group_id))
        outsiders = self.env.ref("base.group_portal") | self.env.ref(
            "base.group_public"
        )
        self.assertFalse(rows.group_id & outsiders)
        self.assertFalse(rows.group_id.trans_implied_ids & outsiders)

    @users("gserp_operator")
    def test_user_cancels_instead_of_deleting(self):
        ticket = self.create_ticket()
        # Agents' logins are not always email addresses: cancel must not need one.
        self.user.partner_id.email = False
        ticket.action_cancel()
        cancelled = self.env.ref("gserp_tickets.gserp_ticket_stage_cancelled")
        self.assertEqual(ticket.stage_id, cancelled)
        self.assertTrue(ticket.is_closed)
        # Still in the list, under its stage: cancelling no longer archives.
        self.assertTrue(ticket.active)
        self.assertEqual(
            self.env["gserp.ticket"].search([("id", "=", ticket.id)]), ticket
        )
        self.assertIn("Ticket cancelled.", ticket.message_ids[0].body)
        with self.assertRaises(AccessError):
            ticket.unlink()


@tagged("post_install", "-at_install")
class TestCompanies(GserpTicketsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.main_company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Otra Empresa"})
        cls.env.user.company_ids |= cls.other_company
        cls.both_user = new_test_user(
            cls.env,
            login="gserp_both",
            groups="gserp_tickets.group_gserp_tickets_user",
            company_id=cls.main_company.id,
            company_ids=[Command.set((cls.main_company | cls.other_company).ids)],
        )
        cls.other_user = _other_company_user(cls.env, cls.other_company)
        cls.portal_user = new_test_user(
            cls.env, login="gserp_portal", groups="base.group_portal"
        )
        cls.other_service = cls.env["gserp.service"].create(
            {
                "code": "O-100",
                "partner_id": cls.client_active.id,
                "state": "active",
                "company_id": cls.other_company.id,
            }
        )
        cls.other_category = cls.env["gserp.ticket.category"].create(
            {"name": "Solo la otra empresa", "company_id": cls.other_company.id}
        )
        cls.ticket = cls.env["gserp.ticket"].create(
            {
                "code_state": "active",
                "service_id": cls.service_active.id,
                "description": "<p>Revisar la sirena</p>",
                "contact_name": "Ana",
                "contact_phone": "0991234567",
                "contact_identification": "1712345675",
            }
        )
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "cedula.pdf",
                "raw": b"%PDF-1.4 cedula",
                "res_model": "gserp.ticket",
                "res_id": cls.ticket.id,
            }
        )

    def _ticket_values(self, **values):
        return {
            "code_state": "active",
            "service_id": self.service_active.id,
            "description": "<p>Revisar la sirena</p>",
            "contact_name": "Ana",
            "contact_phone": "0991234567",
            "contact_identification": "1712345675",
            **values,
        }

    @users("gserp_both")
    def test_ticket_cannot_use_a_service_of_another_company(self):
        Ticket = self.env["gserp.ticket"]
        with self.assertRaises(UserError) as caught:
            Ticket.create(self._ticket_values(service_id=self.other_service.id))
        self.assertIn("O-100", str(caught.exception))
        with self.assertRaises(UserError):
            Ticket.create(self._ticket_values(category_id=self.other_category.id))
        ticket = self.ticket.with_env(self.env)
        with self.assertRaises(UserError):
            ticket.service_id = self.other_service
        self.assertFalse(Ticket.search([("service_id", "=", self.other_service.id)]))

    @users("gserp_both")
    def test_ticket_of_the_other_company_uses_its_own_service(self):
        Ticket = self.env["gserp.ticket"].with_company(self.other_company)
        ticket = Ticket.create(
            self._ticket_values(
                service_id=self.other_service.id, company_id=self.other_company.id
            )
        )
        self.assertEqual(ticket.partner_id, self.client_active)
        self.assertTrue(ticket.number)

    @users("gserp_operator")
    def test_attachment_readable_by_who_reads_the_ticket(self):
        attachment = self.attachment.with_env(self.env)
        self.assertEqual(attachment.raw, b"%PDF-1.4 cedula")
        self.assertEqual(self.ticket.with_env(self.env).attachment_ids, attachment)

    @users("gserp_other", "gserp_portal")
    def test_attachment_hidden_from_who_cannot_read_the_ticket(self):
        attachment = self.attachment.with_env(self.env)
        with self.assertRaises(AccessError):
            attachment.read(["raw"])
        with self.assertRaises(AccessError):
            self.ticket.with_env(self.env).read(["description"])

    @users("gserp_other")
    def test_other_company_does_not_find_the_attachment(self):
        found = self.env["ir.attachment"].search([("res_model", "=", "gserp.ticket")])
        self.assertFalse(found)

    @users("gserp_portal")
    def test_portal_user_sees_nothing_of_the_addon(self):
        for model in ("gserp.ticket", "gserp.service", "gserp.ticket.category"):
            with self.assertRaises(AccessError):
                self.env[model].search([])


@tagged("post_install", "-at_install")
class TestTracking(GserpTicketsCase):
    def _tracked_fields(self, ticket):
        # Tracking values are written when the transaction is about to commit.
        self.env.flush_all()
        self.env.cr.flush()
        # sudo: the chatter shows these values formatted; the raw field is
        # for administrators only.
        messages = ticket.sudo().message_ids.filtered("tracking_value_ids")
        return set(messages.tracking_value_ids.field_id.mapped("name"))

    @users("gserp_operator")
    def test_changes_of_the_ticket_are_in_the_chatter(self):
        ticket = self.create_ticket()
        self.assertFalse(self._tracked_fields(ticket))
        ticket.write(
            {
                "code_state": "inactive",
                "service_id": self.service_inactive.id,
                "category_id": self.cat_maintenance.id,
                "subcategory_id": self.cat_corrective.id,
                "detail_id": self.cat_integral.id,
                "user_id": self.env.user.id,
            }
        )
        self.assertEqual(
            self._tracked_fields(ticket),
            {
                "code_state",
                "service_id",
                "partner_id",
                "category_id",
                "subcategory_id",
                "detail_id",
                "user_id",
            },
        )
