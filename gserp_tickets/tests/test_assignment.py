from odoo import Command
from odoo.tests import new_test_user, tagged, users

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestAssignment(GserpTicketsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        group = "gserp_tickets.group_gserp_tickets_user"
        cls.agent_a = new_test_user(cls.env, login="gserp_agent_a", groups=group)
        cls.agent_b = new_test_user(cls.env, login="gserp_agent_b", groups=group)
        cls.supervisor = new_test_user(cls.env, login="gserp_supervisor", groups=group)
        cls.team = cls.env["gserp.ticket.team"].create(
            {
                "name": "Monitoreo",
                "member_ids": [Command.set((cls.agent_a | cls.agent_b).ids)],
            }
        )
        cls.cat_monitoring.team_id = cls.team

    def test_children_take_the_parent_team_and_person(self):
        self.assertEqual(self.cat_fence.effective_team_id, self.team)
        self.assertFalse(self.cat_fence.effective_user_id)
        self.cat_false_alarm.user_id = self.supervisor
        self.assertEqual(self.cat_fence.effective_user_id, self.supervisor)
        other_team = self.team.copy({"name": "Cercos"})
        self.cat_fence.team_id = other_team
        self.assertEqual(self.cat_fence.effective_team_id, other_team)
        self.assertEqual(self.cat_false_alarm.effective_team_id, self.team)

    @users("gserp_operator")
    def test_category_person_gets_the_ticket(self):
        self.cat_false_alarm.sudo().user_id = self.supervisor
        ticket = self.create_ticket()
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.supervisor)

    @users("gserp_operator")
    def test_least_loaded_member_gets_the_ticket(self):
        # A tie goes to the oldest user, then the load alternates.
        first = self.create_ticket()
        second = self.create_ticket()
        third = self.create_ticket()
        self.assertEqual(first.team_id, self.team)
        self.assertEqual(
            (first.user_id, second.user_id, third.user_id),
            (self.agent_a, self.agent_b, self.agent_a),
        )
        # Closed tickets are no load: agent_a has one open ticket left.
        first.action_cancel()
        third.stage_id = self.env.ref("gserp_tickets.gserp_ticket_stage_closed")
        self.assertEqual(self.create_ticket().user_id, self.agent_a)

    @users("gserp_operator")
    def test_form_shows_the_team_of_the_category(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        self.assertEqual(form.team_id, self.team)
        form.category_id = self.cat_maintenance
        self.assertEqual(form.team_id, self.team)  # no team there: kept
        form.team_id = self.env["gserp.ticket.team"]
        ticket = form.save()
        self.assertFalse(ticket.team_id)
        self.assertFalse(ticket.user_id)

    @users("gserp_operator")
    def test_assign_to_me(self):
        ticket = self.create_ticket()
        self.assertEqual(ticket.user_id, self.agent_a)
        ticket.action_assign_to_me()
        self.assertEqual(ticket.user_id, self.user)

    def test_assignee_is_notified_not_the_client(self):
        ticket = self.create_ticket()
        self.assertEqual(ticket.user_id, self.agent_a)
        ticket.user_id = self.agent_b
        # sudo: notices to others are not readable by the operator.
        notices = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", "gserp.ticket"),
                    ("res_id", "=", ticket.id),
                    ("message_type", "=", "user_notification"),
                ]
            )
        )
        self.assertEqual(
            [notice.partner_ids for notice in notices],
            [self.agent_b.partner_id, self.agent_a.partner_id],
        )
        self.assertIn(
            f"You have been assigned to {ticket.display_name}", notices[0].subject
        )
        self.assertIn(self.agent_b.partner_id, ticket.message_partner_ids)
        client = ticket.partner_id
        self.assertNotIn(client, ticket.message_partner_ids)
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", "gserp.ticket"), ("res_id", "=", ticket.id)])
        )
        self.assertNotIn(client, messages.partner_ids)
        self.assertFalse(messages.notification_ids.res_partner_id & client)

    @users("gserp_operator")
    def test_new_team_of_a_category_keeps_existing_tickets(self):
        ticket = self.create_ticket()
        other_team = self.team.sudo().copy({"name": "Cercos"})
        self.cat_monitoring.sudo().team_id = other_team
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(self.create_ticket().team_id, other_team)
