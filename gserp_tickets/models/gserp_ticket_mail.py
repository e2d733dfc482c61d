from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import html2plaintext, parse_contact_from_email

from .gserp_ticket import MAX_TEXT_LENGTH

# What a description keeps of an email too long for it; the whole email stays
# in the chatter.
MAIL_EXCERPT_LENGTH = 5_000


class GserpTicket(models.Model):
    """Tickets opened by the emails that reach a team's alias."""

    _inherit = "gserp.ticket"
    # The gateway compares it with the sender to stop an auto-reply loop.
    _primary_email = "email_from"

    email_from = fields.Char(
        string="Sender Email",
        help="The address of the email that opened the ticket.",
    )

    # Mail gateway

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Open a ticket from an email, whatever the email lacks.

        The generic implementation is not called: it would write the subject
        into the ticket number. A mail that cannot be matched to a customer or
        has no text still makes a ticket, so that no request is lost.
        """
        values = dict(custom_values or {})
        sender = self._get_mail_sender(msg_dict)
        if sender and not msg_dict.get("author_id"):
            # The gateway posts the email as written by this new contact, and
            # makes its author a follower: answers from the chatter reach them.
            msg_dict["author_id"] = sender.id
        values.update(self._prepare_mail_ticket_values(msg_dict, values, sender))
        return self.create(values)

    def message_update(self, msg_dict, update_vals=None):
        """A reply to a closed ticket opens it again: the client is not done,
        and a message in a folded column would go unread."""
        reopened = self.filtered("stage_id.is_closed")
        if reopened:
            # sudo: the gateway's user may not write stages; only this move.
            reopened.sudo().stage_id = self._default_stage_id()
            for ticket in reopened:
                ticket._message_log(
                    body=self.env._(
                        "Opened again by a reply of %(sender)s.",
                        sender=msg_dict.get("email_from") or "",
                    )
                )
        return super().message_update(msg_dict, update_vals=update_vals)

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        final_consumer = self.env["res.partner"]._gserp_get_final_consumer()
        if self.partner_id and self.partner_id != final_consumer:
            self._message_add_suggested_recipient(
                recipients, partner=self.partner_id, reason=self.env._("Customer")
            )
        elif self.email_from:
            self._message_add_suggested_recipient(
                recipients, email=self.email_from, reason=self.env._("Sender")
            )
        return recipients

    # Business methods

    @api.model
    def _get_mail_sender(self, msg_dict):
        """Return the partner who sent the email, created when unknown."""
        partner = self.env["res.partner"].browse(msg_dict.get("author_id"))
        if partner or not msg_dict.get("email_from"):
            return partner
        # Aliases and invalid addresses give no partner: the ticket then keeps
        # the address alone.
        return self.env["mail.thread"]._mail_find_partner_from_emails(
            [msg_dict["email_from"]], force_create=True
        )[0]

    @api.model
    def _prepare_mail_ticket_values(self, msg_dict, values, sender):
        team = self.env["gserp.ticket.team"].browse(values.get("team_id"))
        company = team.company_id or self.env["res.company"].browse(
            values.get("company_id")
        )
        company = company or self.env.company
        name, email = parse_contact_from_email(msg_dict.get("email_from") or "")
        customer = self._get_mail_customer(sender, email, company)
        medium = self.env.ref("utm.utm_medium_email", raise_if_not_found=False)
        ticket_values = {
            "origin": "email",
            "company_id": company.id,
            "medium_id": medium.id,
            "email_from": email or msg_dict.get("email_from"),
            "contact_name": name or sender.name,
            "description": self._get_mail_description(msg_dict),
            **self._get_mail_customer_values(customer, company),
        }
        return {key: value for key, value in ticket_values.items() if value}

    @api.model
    def _get_mail_customer(self, sender, email, company):
        """Return the customer who wrote: the sender, or a customer with the
        sender's address when the sender is a user or a company's contact."""
        Partner = self.env["res.partner"]
        fits_company = sender.company_id in (company, company.browse())
        if sender.gserp_is_customer and fits_company:
            return sender
        if not email:
            return Partner
        return Partner.search(
            [
                ("company_id", "in", [False, company.id]),
                ("email_normalized", "=", email),
                ("gserp_is_customer", "=", True),
            ],
            order="id",
            limit=1,
        )

    @api.model
    def _get_mail_customer_values(self, customer, company):
        """The code status, service and customer of a ticket from email.

        A customer with exactly one active service gets it; any other customer
        is served without recurring service, and an unknown one is Consumidor
        Final, as step 6 of the procedure says.
        """
        if not customer:
            customer = self.env["res.partner"]._gserp_get_final_consumer()
        services = self.env["gserp.service"].search(
            [
                ("partner_id", "=", customer.id),
                ("state", "=", "active"),
                ("company_id", "=", company.id),
            ],
            limit=2,
        )
        if len(services) == 1:
            return {"code_state": "active", "service_id": services.id}
        return {"code_state": "no_service", "partner_id": customer.id}

    @api.model
    def _get_mail_description(self, msg_dict):
        body = msg_dict.get("body") or ""
        if len(body) > MAX_TEXT_LENGTH:
            excerpt = html2plaintext(body)[:MAIL_EXCERPT_LENGTH]
            return Markup("<p>%s</p><pre>%s</pre>") % (
                self.env._("The email is too long: read it whole in the chatter."),
                excerpt,
            )
        if not self._is_blank_html(body):
            return body
        subject = (msg_dict.get("subject") or "").strip()
        return Markup("<p>%s</p>") % (
            subject or self.env._("The email had neither subject nor text.")
        )
