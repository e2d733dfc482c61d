from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged, users

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestStages(GserpTicketsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="gserp_stage_manager",
            groups="gserp_tickets.group_gserp_tickets_manager",
        )

    def stage(self, name):
        return self.env.ref(f"gserp_tickets.gserp_ticket_stage_{name}")

    def test_shipped_stages(self):
        stages = self.env["gserp.ticket.stage"].search([])
        self.assertEqual(
            [(stage.name, stage.is_closed, stage.fold) for stage in stages],
            [
                ("Nuevo", False, False),
                ("En Proceso", False, False),
                ("En Espera", False, False),
                ("Resuelto", False, False),
                ("Cerrado", True, True),
                ("Cancelado", True, True),
            ],
        )

    @users("gserp_operator")
    def test_ticket_starts_new_and_moves_on(self):
        ticket = self.create_ticket()
        self.assertEqual(ticket.stage_id, self.stage("new"))
        self.assertIn(ticket, self.search_filter("gserp.ticket", "open"))

        # Tracking values are written when the transaction is about to commit:
        # the creation first, then the change.
        self.env.flush_all()
        self.env.cr.flush()
        ticket.stage_id = self.stage("in_progress")
        self.env.flush_all()
        self.env.cr.flush()
        # sudo: the raw tracking values are for administrators only.
        tracking = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "gserp.ticket"),
                    ("mail_message_id.res_id", "=", ticket.id),
                ]
            )
        )
        self.assertEqual(tracking.field_id.mapped("name"), ["stage_id"])
        self.assertEqual(tracking.old_value_char, "Nuevo")
        self.assertEqual(tracking.new_value_char, "En Proceso")

        ticket.stage_id = self.stage("closed")
        self.assertTrue(ticket.is_closed)
        self.assertNotIn(ticket, self.search_filter("gserp.ticket", "open"))

    @users("gserp_operator")
    def test_kanban_shows_every_stage(self):
        self.create_ticket()
        groups = (
            self.env["gserp.ticket"]
            .with_user(self.user)
            .web_read_group([], ["stage_id"], ["stage_id"])["groups"]
        )
        self.assertEqual(
            [(group["stage_id"][1], group["stage_id_count"]) for group in groups],
            [
                ("Nuevo", 1),
                ("En Proceso", 0),
                ("En Espera", 0),
                ("Resuelto", 0),
                ("Cerrado", 0),
                ("Cancelado", 0),
            ],
        )
        arch = self.env["gserp.ticket"].get_views([(False, "kanban")])
        self.assertIn('default_group_by="stage_id"', arch["views"]["kanban"]["arch"])

    def test_only_managers_edit_stages(self):
        stage = self.stage("on_hold")
        with self.assertRaises(AccessError):
            stage.with_user(self.user).name = "Pausado"
        stage.with_user(self.manager).name = "Pausado"
        self.assertEqual(stage.name, "Pausado")
        self.assertTrue(self.env["gserp.ticket.stage"].with_user(self.user).search([]))
