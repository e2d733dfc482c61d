import ast
import base64

from odoo import Command
from odoo.tests import Form, new_test_user, tagged

from .common import GserpTicketsCase

# A supporting document as a client would attach it: a one-page PDF.
REPORT_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"

NEW_MAIL = """\
From: {sender}
To: {to}
Subject: {subject}
Date: Fri, 04 Dec 2026 14:05:00 -0500
Message-ID: {message_id}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="gserp-boundary"

--gserp-boundary
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{body}

--gserp-boundary
Content-Type: application/pdf; name="informe.pdf"
Content-Disposition: attachment; filename="informe.pdf"
Content-Transfer-Encoding: base64

{attachment}
--gserp-boundary--
"""

REPLY_MAIL = """\
From: {sender}
To: {to}
Subject: Re: {subject}
Date: Fri, 04 Dec 2026 15:30:00 -0500
Message-ID: <respuesta-1@cliente.ec>
In-Reply-To: {in_reply_to}
References: {in_reply_to}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{body}
"""

BODYLESS_MAIL = """\
From: {sender}
To: {to}
Subject: {subject}
Message-ID: <sin-texto@cliente.ec>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

"""

BOUNCE_MAIL = """\
From: MAILER-DAEMON@cliente.ec
To: {to}
Subject: Undelivered Mail Returned to Sender
Message-ID: <rebote-1@cliente.ec>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
 boundary="gserp-report"

--gserp-report
Content-Type: text/plain; charset="utf-8"

The mail could not be delivered.

--gserp-report
Content-Type: message/delivery-status

Reporting-MTA: dns; cliente.ec
Final-Recipient: rfc822; nadie@cliente.ec
Action: failed
Status: 5.1.1

--gserp-report--
"""


@tagged("post_install", "-at_install")
class TestMailGateway(GserpTicketsCase):
    """Emails to a team's alias, processed by Odoo's mail gateway."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            login="gserp_mail_agent",
            email="agente@gserp.example.com",
            groups="gserp_tickets.group_gserp_tickets_user",
        )
        cls.alias_domain = cls.env["mail.alias.domain"].create(
            {
                "name": "gserp.example.com",
                "company_ids": [Command.link(cls.env.company.id)],
            }
        )
        cls.env.company.alias_domain_id = cls.alias_domain
        cls.team = cls.env["gserp.ticket.team"].create(
            {
                "name": "Soporte",
                "alias_name": "soporte",
                "member_ids": [Command.set(cls.agent.ids)],
            }
        )
        cls.client_active.email = "activo@cliente.ec"
        cls.client_suspended.email = "suspendido@cliente.ec"
        cls.sequence = cls.env.ref("gserp_tickets.seq_gserp_ticket")

    def process(self, template, **values):
        """Hand an email to the gateway as the mail server would."""
        values.setdefault("to", self.team.alias_email)
        values.setdefault("subject", "Alarma sin señal")
        return self.env["mail.thread"].message_process(None, template.format(**values))

    def receive_new_mail(self, sender, message_id="<pedido-1@cliente.ec>", **values):
        Ticket = self.env["gserp.ticket"]
        before = Ticket.search([])
        self.process(
            NEW_MAIL,
            sender=sender,
            message_id=message_id,
            body=values.pop("body", "La alarma de la bodega no envía señal."),
            attachment=base64.b64encode(REPORT_PDF).decode(),
            **values,
        )
        return Ticket.search([]) - before

    def test_alias_of_the_team(self):
        self.assertEqual(self.team.alias_email, "soporte@gserp.example.com")
        self.assertEqual(self.team.alias_id.alias_model_id.model, "gserp.ticket")
        defaults = ast.literal_eval(self.team.alias_defaults)
        self.assertEqual(defaults, {"team_id": self.team.id})

    def test_known_customer_with_one_service(self):
        expected_number = self.sequence.get_next_char(self.sequence.number_next_actual)
        ticket = self.receive_new_mail('"Cliente Activo" <activo@cliente.ec>')

        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.number, expected_number)
        self.assertEqual(ticket.origin, "email")
        self.assertEqual(ticket.medium_id, self.env.ref("utm.utm_medium_email"))
        self.assertEqual(ticket.code_state, "active")
        self.assertEqual(ticket.service_id, self.service_active)
        self.assertEqual(ticket.partner_id, self.client_active)
        self.assertEqual(ticket.email_from, "activo@cliente.ec")
        self.assertIn("no envía señal", ticket.description)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.agent)
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["informe.pdf"])
        self.assertEqual(ticket.attachment_ids.raw, REPORT_PDF)
        self.assertEqual(ticket.attachment_count, 1)
        self.assertTrue(ticket.is_complete)
        self.assertIn(self.client_active, ticket.message_partner_ids)
        email = ticket.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(email.author_id, self.client_active)

    def test_reply_lands_on_the_same_ticket(self):
        ticket = self.receive_new_mail('"Cliente Activo" <activo@cliente.ec>')
        messages = ticket.message_ids
        tickets = self.env["gserp.ticket"].search([])

        self.process(
            REPLY_MAIL,
            sender='"Cliente Activo" <activo@cliente.ec>',
            in_reply_to="<pedido-1@cliente.ec>",
            body="Ya volvió la señal, gracias.",
        )

        self.assertEqual(self.env["gserp.ticket"].search([]), tickets)
        reply = ticket.message_ids - messages
        self.assertEqual(len(reply), 1)
        self.assertIn("Ya volvió la señal", reply.body)
        self.assertEqual(reply.author_id, self.client_active)

    def test_reply_to_a_closed_ticket_opens_it_again(self):
        ticket = self.receive_new_mail('"Cliente Activo" <activo@cliente.ec>')
        ticket.stage_id = self.env.ref("gserp_tickets.gserp_ticket_stage_closed")
        self.assertTrue(ticket.close_date)

        self.process(
            REPLY_MAIL,
            sender='"Cliente Activo" <activo@cliente.ec>',
            in_reply_to="<pedido-1@cliente.ec>",
            body="Sigue fallando después del cierre.",
        )

        self.assertEqual(
            ticket.stage_id, self.env.ref("gserp_tickets.gserp_ticket_stage_new")
        )
        self.assertFalse(ticket.close_date)
        bodies = " ".join(ticket.message_ids.mapped("body"))
        self.assertIn("Sigue fallando", bodies)
        self.assertIn("Opened again by a reply", bodies)

    def test_answer_from_the_chatter_reaches_the_sender(self):
        ticket = self.receive_new_mail('"Cliente Activo" <activo@cliente.ec>')
        answer = ticket.with_user(self.agent).message_post(
            body="Un técnico va en camino.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        notified = answer.notification_ids.filtered(
            lambda n: n.notification_type == "email"
        ).res_partner_id
        self.assertIn(self.client_active, notified)

    def test_customer_without_one_active_service(self):
        ticket = self.receive_new_mail("suspendido@cliente.ec")
        self.assertEqual(ticket.code_state, "no_service")
        self.assertFalse(ticket.service_id)
        self.assertEqual(ticket.partner_id, self.client_suspended)

        self._create_service("T-101", self.client_active, "active")
        ticket = self.receive_new_mail(
            "activo@cliente.ec", message_id="<pedido-2@cliente.ec>"
        )
        self.assertEqual(ticket.code_state, "no_service")
        self.assertEqual(ticket.partner_id, self.client_active)

    def test_unknown_sender_becomes_a_contact(self):
        ticket = self.receive_new_mail('"Pedro Páez" <pedro.paez@correo.ec>')

        sender = self.env["res.partner"].search(
            [("email_normalized", "=", "pedro.paez@correo.ec")]
        )
        self.assertEqual(len(sender), 1)
        self.assertEqual(sender.name, "Pedro Páez")
        self.assertEqual(ticket.code_state, "no_service")
        self.assertEqual(ticket.partner_id, sender)
        self.assertEqual(ticket.contact_name, "Pedro Páez")
        self.assertIn(sender, ticket.message_partner_ids)
        email = ticket.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(email.author_id, sender)

    def test_sender_who_is_no_customer(self):
        """A user is no customer: Consumidor Final, with the sender kept."""
        ticket = self.receive_new_mail('"Agente" <agente@gserp.example.com>')

        self.assertEqual(ticket.code_state, "no_service")
        self.assertEqual(ticket.partner_id, self.final_consumer)
        self.assertEqual(ticket.email_from, "agente@gserp.example.com")
        self.assertIn(self.agent.partner_id, ticket.message_partner_ids)
        self.assertEqual(ticket.team_id, self.team)

    def test_alias_of_a_team_of_another_company(self):
        other_company = self.env["res.company"].create({"name": "Otra Empresa"})
        other_company.alias_domain_id = self.env["mail.alias.domain"].create(
            {
                "name": "otra.example.com",
                "company_ids": [Command.link(other_company.id)],
            }
        )
        other_team = self.env["gserp.ticket.team"].create(
            {
                "name": "Soporte Otra",
                "alias_name": "soporte",
                "company_id": other_company.id,
            }
        )
        self.assertEqual(other_team.alias_email, "soporte@otra.example.com")

        ticket = self.receive_new_mail(
            '"Cliente Activo" <activo@cliente.ec>', to=other_team.alias_email
        )

        self.assertEqual(ticket.company_id, other_company)
        self.assertEqual(ticket.team_id, other_team)
        self.assertTrue(ticket.number)
        # The client's service belongs to the first company: none fits here.
        self.assertEqual(ticket.code_state, "no_service")
        self.assertEqual(ticket.partner_id, self.client_active)

        # A contact of the first company is no customer of the other one.
        self.client_suspended.company_id = self.env.company
        ticket = self.receive_new_mail(
            "suspendido@cliente.ec",
            message_id="<pedido-2@cliente.ec>",
            to=other_team.alias_email,
        )
        self.assertEqual(ticket.partner_id, self.final_consumer)
        self.assertEqual(ticket.email_from, "suspendido@cliente.ec")

    def test_mail_without_text_still_opens_a_ticket(self):
        Ticket = self.env["gserp.ticket"]
        self.process(BODYLESS_MAIL, sender="suspendido@cliente.ec")
        ticket = Ticket.search([("email_from", "=", "suspendido@cliente.ec")])
        self.assertEqual(len(ticket), 1)
        self.assertIn("Alarma sin señal", ticket.description)
        # An email gives no contact phone or ID: the ticket is saved all the same,
        # and an agent can take it and move it on without them.
        self.assertFalse(ticket.contact_phone)
        self.assertFalse(ticket.contact_required)
        form = Form(ticket.with_user(self.agent))
        form.priority = "2"
        form.save()
        ticket.with_user(self.agent).action_assign_to_me()
        ticket.with_user(self.agent).stage_id = self.env.ref(
            "gserp_tickets.gserp_ticket_stage_on_hold"
        )
        self.assertEqual(ticket.user_id, self.agent)

    def test_mail_too_long_for_the_description(self):
        body = "Registro de eventos de la central de alarma.\n" * 3_000
        ticket = self.receive_new_mail("suspendido@cliente.ec", body=body)
        self.assertEqual(len(ticket), 1)
        self.assertIn("too long", ticket.description)
        self.assertLess(len(ticket.description), 10_000)
        email = ticket.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertGreater(len(email.body), len(body))

    def test_bounce_opens_no_ticket(self):
        tickets = self.env["gserp.ticket"].search([])
        self.process(BOUNCE_MAIL)
        self.assertEqual(self.env["gserp.ticket"].search([]), tickets)

    def test_send_message_suggests_the_customer(self):
        ticket = self.create_ticket()
        suggested = ticket._message_get_suggested_recipients()
        self.assertIn(
            self.client_active.id,
            [recipient.get("partner_id") for recipient in suggested],
        )

        # Consumidor Final is nobody to write to; the sender's address is.
        self.final_consumer.email = "consumidor@gserp.example.com"
        ticket = self.create_ticket(
            code_state="no_service", partner_id=self.final_consumer
        )
        ticket.email_from = "maria.vivar@correo.ec"
        suggested = ticket._message_get_suggested_recipients()
        self.assertEqual(
            [recipient["email"] for recipient in suggested],
            ["maria.vivar@correo.ec"],
        )
