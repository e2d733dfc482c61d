import json

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import GserpTicketsCase

# Errors a user can act on; anything else (KeyError, psycopg2...) is a bug.
CLEAR_ERRORS = {
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.UserError",
    "odoo.exceptions.AccessError",
}


@tagged("post_install", "-at_install")
class TestApiBadInput(HttpCase, GserpTicketsCase):
    """What an integration sends over the external JSON-RPC API, right or wrong."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Otra Empresa"})
        cls.other_service = cls.env["gserp.service"].create(
            {
                "code": "O-100",
                "partner_id": cls.client_active.id,
                "company_id": cls.other_company.id,
            }
        )
        cls.api_user = new_test_user(
            cls.env,
            login="gserp_api",
            password="gserp_api_password",
            lang="en_US",
            groups="gserp_tickets.group_gserp_tickets_user",
            company_ids=[Command.set((cls.env.company | cls.other_company).ids)],
        )

    def _execute_kw(self, method, args, kwargs=None):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.api_user.id,
                    "gserp_api_password",
                    "gserp.ticket",
                    method,
                    args,
                    kwargs or {},
                ],
            },
        }
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/jsonrpc",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _valid_values(self, **values):
        return {
            "code_state": "active",
            "service_id": self.service_active.id,
            "category_id": self.cat_monitoring.id,
            "subcategory_id": self.cat_false_alarm.id,
            "detail_id": self.cat_fence.id,
            "contact_name": "María Vivar",
            "contact_phone": "0991234567",
            "contact_identification": "1712345675",
            "description": "<p>Revisar la zona 15 del cerco eléctrico.</p>",
            **values,
        }

    def _ticket_count(self):
        return self.env["gserp.ticket"].with_context(active_test=False).search_count([])

    def test_valid_ticket_is_created(self):
        reply = self._execute_kw("create", [self._valid_values()])
        self.assertNotIn("error", reply)
        ticket = self.env["gserp.ticket"].browse(reply["result"])
        self.assertTrue(ticket.number)
        self.assertEqual(ticket.partner_id, self.client_active)

    def test_script_tags_are_removed_from_the_description(self):
        description = "<p>Revisar sirena</p><script>alert('x')</script>"
        reply = self._execute_kw(
            "create", [self._valid_values(description=description)]
        )
        ticket = self.env["gserp.ticket"].browse(reply["result"])
        self.assertIn("Revisar sirena", ticket.description)
        self.assertNotIn("script", ticket.description)
        self.assertNotIn("alert", ticket.description)

    def test_bad_input_gets_a_clear_message_and_no_ticket(self):
        cases = [
            ("text for a many2one id", {"service_id": "T-100"}, "number (id)"),
            ("id of no record", {"category_id": 987654321}, "does not exist"),
            ("list for a text", {"contact_name": ["María", "Vivar"]}, "a text"),
            ("number for a text", {"contact_phone": 991234567}, "a text"),
            ("number for the description", {"description": 12}, "a text"),
            ("service in another state", {"code_state": "inactive"}, "status"),
            (
                "service of another company",
                {"service_id": self.other_service.id},
                "company",
            ),
            (
                "detail of another subcategory",
                {"detail_id": self.cat_integral.id},
                "",
            ),
            ("empty description", {"description": ""}, "required"),
            ("blank description", {"description": "<p><br></p>"}, ""),
            (
                "oversized description",
                {"description": "<p>" + "x" * 100_001 + "</p>"},
                "too long",
            ),
            ("unknown selection value", {"origin": "fax"}, "not a valid choice"),
            ("unknown code status", {"code_state": "closed"}, "not a valid choice"),
            ("list for a selection", {"priority": ["1"]}, "not a valid choice"),
            ("unknown field", {"colour": "red"}, "no field named “colour”"),
        ]
        before = self._ticket_count()
        for case, values, words in cases:
            with self.subTest(case=case):
                reply = self._execute_kw("create", [self._valid_values(**values)])
                self.assertIn("error", reply)
                error = reply["error"]["data"]
                self.assertIn(error["name"], CLEAR_ERRORS, error["debug"])
                self.assertTrue(error["message"].strip())
                self.assertIn(words, error["message"])
                self.assertEqual(self._ticket_count(), before)

    def test_bad_stage_or_clock_values_get_a_clear_message(self):
        ticket_id = self._execute_kw("create", [self._valid_values()])["result"]
        ticket = self.env["gserp.ticket"].browse(ticket_id)
        deadline = ticket.sla_deadline
        cases = [
            ({"stage_id": "abc"}, "number (id)"),
            ({"stage_id": "3"}, "number (id)"),
            ({"stage_id": 3.0}, "number (id)"),
            ({"stage_id": True}, "number (id)"),
            ({"stage_id": 987654321}, "does not exist"),
            ({"priority": float("nan")}, "not a valid choice"),
            ({"sla_hours": float("nan")}, "kept by the ticket"),
            ({"close_hours": float("inf")}, "kept by the ticket"),
            ({"close_hours": -3}, "kept by the ticket"),
            ({"close_date": "2020-01-01 00:00:00"}, "kept by the ticket"),
            ({"sla_deadline": "2000-01-01 00:00:00"}, "kept by the ticket"),
            ({"sla_state": "late"}, "kept by the ticket"),
            ({"is_complete": True}, "kept by the ticket"),
        ]
        for values, words in cases:
            with self.subTest(values=values):
                reply = self._execute_kw("write", [[ticket_id], values])
                error = reply["error"]["data"]
                self.assertIn(error["name"], CLEAR_ERRORS, error["debug"])
                self.assertIn(words, error["message"])
                ticket.invalidate_recordset()
                self.assertEqual(
                    ticket.stage_id,
                    self.env.ref("gserp_tickets.gserp_ticket_stage_new"),
                )
                self.assertEqual(ticket.sla_deadline, deadline)
                self.assertFalse(ticket.close_date)

    def test_bad_write_leaves_the_ticket_as_it_was(self):
        ticket_id = self._execute_kw("create", [self._valid_values()])["result"]
        ticket = self.env["gserp.ticket"].browse(ticket_id)
        for values in (
            {"contact_name": {"first": "María"}},
            {"user_id": "admin"},
            {"priority": 7},
            {"service_id": self.other_service.id},
        ):
            with self.subTest(values=values):
                reply = self._execute_kw("write", [[ticket_id], values])
                self.assertIn(reply["error"]["data"]["name"], CLEAR_ERRORS)
                ticket.invalidate_recordset()
                self.assertEqual(ticket.contact_name, "María Vivar")
                self.assertEqual(ticket.service_id, self.service_active)
                self.assertEqual(ticket.priority, "0")


@tagged("post_install", "-at_install")
class TestInputMessagesInSpanish(GserpTicketsCase):
    def test_messages_use_the_spanish_labels(self):
        self._ensure_spanish()
        Ticket = self.env["gserp.ticket"].with_context(lang="es_EC")
        values = {
            "code_state": "no_service",
            "description": "<p>Cotización</p>",
            "contact_name": ["María"],
        }
        with self.assertRaisesRegex(
            ValidationError, "El valor de “Nombre Contacto” debe ser un texto."
        ):
            Ticket.create(values)
        with self.assertRaisesRegex(ValidationError, "“Descripción” es obligatorio."):
            Ticket.create(dict(values, contact_name="María", description=False))
