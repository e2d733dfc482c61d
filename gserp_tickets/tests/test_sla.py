from contextlib import contextmanager
from unittest.mock import patch

import pytz
from freezegun import freeze_time

from odoo import fields
from odoo.tests import Form, tagged, users

from .common import GserpTicketsCase

QUITO = pytz.timezone("America/Guayaquil")


def quito(text):
    """Return the UTC moment, as stored, of a wall-clock time in Ecuador."""
    moment = QUITO.localize(fields.Datetime.from_string(text))
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


@tagged("post_install", "-at_install")
class TestSla(GserpTicketsCase):
    """A ticket's deadline runs in the working hours of its team, 08:00 to 17:00
    with an hour for lunch, Monday to Friday in Ecuador; 2026-12-04 is a Friday."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Oficina Quito 40 h",
                "tz": "America/Guayaquil",
                "attendance_ids": [
                    fields.Command.create(
                        {
                            "name": f"{day} {hour_from}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                        }
                    )
                    for day in range(5)
                    for hour_from, hour_to in ((8, 12), (13, 17))
                ],
            }
        )
        cls.team = cls.env["gserp.ticket.team"].create(
            {"name": "Soporte SLA", "resource_calendar_id": cls.calendar.id}
        )
        Category = cls.env["gserp.ticket.category"]
        cls.cat_support = Category.create(
            {"name": "Soporte", "team_id": cls.team.id, "sla_hours": 4}
        )
        cls.cat_cameras = Category.create(
            {"name": "Cámaras", "parent_id": cls.cat_support.id}
        )
        cls.cat_dvr = Category.create({"name": "DVR", "parent_id": cls.cat_cameras.id})
        cls.cat_urgent = Category.create(
            {"name": "Urgente", "parent_id": cls.cat_support.id, "sla_hours": 2}
        )

    @contextmanager
    def at(self, text):
        """Run as if it were the given wall-clock time in Ecuador, for the
        clock of the server and for the transaction that stamps creations."""
        moment = quito(text)
        with freeze_time(moment), patch.object(self.env.cr, "now", lambda: moment):
            yield

    def stage(self, name):
        return self.env.ref(f"gserp_tickets.gserp_ticket_stage_{name}")

    def create_support_ticket(self, category=None):
        return self.create_ticket(category_id=category or self.cat_support)

    def run_cron(self):
        self.env["gserp.ticket"]._cron_update_sla_state()

    def test_shipped_stage_pausing_the_clock(self):
        stages = self.env["gserp.ticket.stage"].search([("pauses_sla", "=", True)])
        self.assertEqual(stages.mapped("name"), ["En Espera"])

    def test_team_takes_the_company_calendar(self):
        team = self.env["gserp.ticket.team"].create({"name": "Campo"})
        self.assertTrue(team.resource_calendar_id)
        self.assertEqual(
            team.resource_calendar_id, self.env.company.resource_calendar_id
        )

    @users("gserp_operator")
    def test_deadline_counts_working_hours(self):
        with self.at("2026-12-04 16:00:00"):
            ticket = self.create_support_ticket()
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.sla_hours, 4)
        # One hour on Friday, three on Monday morning.
        self.assertEqual(ticket.sla_deadline, quito("2026-12-07 11:00:00"))
        self.assertEqual(ticket.sla_risk_date, quito("2026-12-07 10:00:00"))
        self.assertEqual(ticket.sla_state, "on_time")

    @users("gserp_operator")
    def test_state_follows_the_clock(self):
        with self.at("2026-12-04 16:00:00"):
            ticket = self.create_support_ticket()
        with self.at("2026-12-07 09:59:00"):
            self.run_cron()
            self.assertEqual(ticket.sla_state, "on_time")
            self.assertIn(ticket, self.search_filter("gserp.ticket", "sla_on_time"))
        with self.at("2026-12-07 10:30:00"):
            self.run_cron()
            self.assertEqual(ticket.sla_state, "at_risk")
            self.assertIn(ticket, self.search_filter("gserp.ticket", "sla_at_risk"))
        with self.at("2026-12-07 11:01:00"):
            self.env.ref(
                "gserp_tickets.gserp_ticket_cron_update_sla_state"
            ).sudo().method_direct_trigger()
            ticket.invalidate_recordset(["sla_state"])
            self.assertEqual(ticket.sla_state, "late")
            self.assertIn(ticket, self.search_filter("gserp.ticket", "sla_late"))
            self.assertNotIn(ticket, self.search_filter("gserp.ticket", "sla_on_time"))

    @users("gserp_operator")
    def test_late_at_once_when_the_cron_was_late(self):
        with self.at("2026-12-04 16:00:00"):
            ticket = self.create_support_ticket()
        with self.at("2026-12-08 08:00:00"):
            self.run_cron()
        self.assertEqual(ticket.sla_state, "late")

    @users("gserp_operator")
    def test_waiting_pauses_the_clock(self):
        with self.at("2026-12-04 16:00:00"):
            ticket = self.create_support_ticket()
        # Two of the four hours used: Friday 16-17 and Monday 8-9.
        with self.at("2026-12-07 09:00:00"):
            ticket.stage_id = self.stage("on_hold")
        self.assertEqual(ticket.sla_paused_since, quito("2026-12-07 09:00:00"))

        # Past the first deadline, a waiting ticket is not late.
        with self.at("2026-12-08 15:00:00"):
            self.run_cron()
            self.assertEqual(ticket.sla_state, "on_time")
            self.assertNotIn(ticket, self.search_filter("gserp.ticket", "sla_late"))

        # Sixteen working hours on hold push the deadline as much: the two
        # hours left run from Wednesday 09:00.
        with self.at("2026-12-09 09:00:00"):
            ticket.stage_id = self.stage("in_progress")
        self.assertFalse(ticket.sla_paused_since)
        self.assertEqual(ticket.sla_paused_hours, 16)
        self.assertEqual(ticket.sla_deadline, quito("2026-12-09 11:00:00"))
        self.assertEqual(ticket.sla_risk_date, quito("2026-12-09 10:00:00"))
        self.assertEqual(ticket.sla_state, "on_time")

        with self.at("2026-12-09 11:30:00"):
            self.run_cron()
        self.assertEqual(ticket.sla_state, "late")

    @users("gserp_operator")
    def test_paused_at_creation(self):
        on_hold = self.env["gserp.ticket"].with_context(
            default_stage_id=self.stage("on_hold").id
        )
        with self.at("2026-12-04 16:00:00"):
            form = self.fill_ticket_form(Form(on_hold.with_user(self.user)))
            form.category_id = self.cat_support
            ticket = form.save()
        self.assertEqual(ticket.sla_paused_since, quito("2026-12-04 16:00:00"))
        with self.at("2026-12-07 10:00:00"):
            ticket.stage_id = self.stage("in_progress")
        # Friday 16-17 and Monday 8-10 on hold: the four hours start at 10:00.
        self.assertEqual(ticket.sla_paused_hours, 3)
        self.assertEqual(ticket.sla_deadline, quito("2026-12-07 15:00:00"))

    @users("gserp_operator")
    def test_closing_freezes_the_state(self):
        with self.at("2026-12-04 16:00:00"):
            ticket = self.create_support_ticket()
        with self.at("2026-12-07 10:30:00"):
            ticket.stage_id = self.stage("closed")
        self.assertEqual(ticket.close_date, quito("2026-12-07 10:30:00"))
        self.assertEqual(ticket.close_hours, 3.5)
        self.assertEqual(ticket.sla_state, "at_risk")

        with self.at("2026-12-10 10:00:00"):
            self.run_cron()
            self.assertEqual(ticket.sla_state, "at_risk")
            # Reopened, the clock runs again from where it stood.
            ticket.stage_id = self.stage("in_progress")
            self.assertFalse(ticket.close_date)
            self.assertFalse(ticket.close_hours)
            self.assertEqual(ticket.sla_state, "late")

    def test_time_to_close_averages(self):
        with self.at("2026-12-04 16:00:00"):
            first = self.create_support_ticket()
            second = self.create_support_ticket()
        with self.at("2026-12-07 09:00:00"):
            first.stage_id = self.stage("closed")
        with self.at("2026-12-07 11:00:00"):
            second.stage_id = self.stage("cancelled")
        groups = self.env["gserp.ticket"].read_group(
            [("id", "in", (first | second).ids)], ["close_hours"], []
        )
        self.assertEqual(groups[0]["close_hours"], 3)

        # Reopened, the first one is open work again, not a close in no time.
        with self.at("2026-12-07 12:00:00"):
            first.stage_id = self.stage("in_progress")
        self.env.flush_all()
        groups = self.env["gserp.ticket"].read_group(
            [("id", "in", (first | second).ids)], ["close_hours"], []
        )
        self.assertEqual(groups[0]["close_hours"], 4)

    @users("gserp_operator")
    def test_child_categories_take_the_target(self):
        self.assertEqual(self.cat_dvr.effective_sla_hours, 4)
        self.assertEqual(self.cat_urgent.effective_sla_hours, 2)
        with self.at("2026-12-04 16:00:00"):
            ticket = self.create_ticket(
                category_id=self.cat_support,
                subcategory_id=self.cat_cameras,
                detail_id=self.cat_dvr,
            )
            urgent = self.create_ticket(
                category_id=self.cat_support, subcategory_id=self.cat_urgent
            )
        self.assertEqual(ticket.sla_hours, 4)
        self.assertEqual(ticket.sla_deadline, quito("2026-12-07 11:00:00"))
        self.assertEqual(urgent.sla_hours, 2)
        self.assertEqual(urgent.sla_deadline, quito("2026-12-07 09:00:00"))

        self.cat_support.sudo().sla_hours = 8
        self.assertEqual(self.cat_dvr.effective_sla_hours, 8)
        # Tickets keep the target they were promised.
        self.assertEqual(ticket.sla_hours, 4)

    @users("gserp_operator")
    def test_category_without_target_has_no_sla(self):
        with self.at("2026-12-04 16:00:00"):
            ticket = self.create_ticket()
        self.assertFalse(ticket.sla_hours)
        self.assertFalse(ticket.sla_deadline)
        self.assertFalse(ticket.sla_state)
        with self.at("2026-12-31 16:00:00"):
            self.run_cron()
            ticket.stage_id = self.stage("closed")
        self.assertFalse(ticket.sla_state)
        self.assertEqual(ticket.close_date, quito("2026-12-31 16:00:00"))
        for name in ("sla_on_time", "sla_at_risk", "sla_late"):
            self.assertNotIn(ticket, self.search_filter("gserp.ticket", name))

    def test_states_in_spanish(self):
        self._ensure_spanish()
        fields_es = self.env["gserp.ticket"].with_context(lang="es_EC").fields_get()
        self.assertEqual(
            dict(fields_es["sla_state"]["selection"]),
            {"on_time": "A tiempo", "at_risk": "En riesgo", "late": "Atrasado"},
        )
