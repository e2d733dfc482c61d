from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestTicketConsistency(GserpTicketsCase):
    """What a new user found the API and the form let through, now refused."""

    def _values(self, **overrides):
        values = {
            "code_state": "active",
            "service_id": self.service_active.id,
            "contact_name": "María Vivar",
            "contact_phone": "0991234567",
            "contact_identification": "1712345675",
            "description": "<p>Revisar la zona 15.</p>",
        }
        return {**values, **overrides}

    def _create(self, **overrides):
        return (
            self.env["gserp.ticket"]
            .with_user(self.user)
            .create(self._values(**overrides))
        )

    def test_number_comes_from_the_sequence_only(self):
        typed = self._create(number="99999")
        self.assertNotEqual(typed.number, "99999")
        following = self._create()
        self.assertNotEqual(following.number, typed.number)
        with self.assertRaisesRegex(ValidationError, "number cannot be changed"):
            typed.write({"number": "12345"})

    def test_customer_must_be_the_service_one(self):
        with self.assertRaisesRegex(ValidationError, "one of the service"):
            self._create(partner_id=self.client_inactive.id)

    def test_no_recurring_service_has_no_service(self):
        with self.assertRaisesRegex(ValidationError, "has no service code"):
            self._create(code_state="no_service")

    def test_blank_values_count_as_empty(self):
        with self.assertRaisesRegex(ValidationError, "Enter the name"):
            self._create(contact_name="   ")
        with self.assertRaisesRegex(ValidationError, "Describe what"):
            self._create(description="<p> &nbsp; </p>")

    def test_changing_state_clears_service_and_its_customer(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        self.assertEqual(form.partner_id, self.client_active)
        form.code_state = "inactive"
        self.assertFalse(form.service_id)
        self.assertFalse(form.partner_id)
        form.service_id = self.service_inactive
        self.assertEqual(form.partner_id, self.service_inactive.partner_id)

    def test_missing_service_is_named(self):
        with self.assertRaisesRegex(ValidationError, "Choose the service code"):
            self._create(service_id=False)

    def test_customer_without_service_is_a_real_customer(self):
        admin_partner = self.env.ref("base.partner_admin")
        with self.assertRaisesRegex(ValidationError, "is not a customer"):
            self._create(
                code_state="no_service",
                service_id=False,
                partner_id=admin_partner.id,
            )
        ticket = self._create(code_state="no_service", service_id=False)
        self.assertEqual(ticket.partner_id, self.final_consumer)
        with self.assertRaisesRegex(ValidationError, "Choose the customer"):
            ticket.partner_id = False

    def test_blank_or_foreign_digits_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "Enter the name"):
            self._create(contact_phone="   ")
        # Arabic-Indic digits, a superscript, full-width digits
        arabic, fullwidth = "\u0661\u0667\u0661\u0662", "\uff11\uff17\uff11\uff12"
        for number in (arabic + "345675", "17123456\u00b25", fullwidth + "345675"):
            with self.assertRaisesRegex(ValidationError, "digits only"):
                self._create(contact_identification=number)

    def test_wildcards_are_searched_as_characters(self):
        Service = self.env["gserp.service"].with_user(self.user)
        self.assertFalse(Service.name_search("%", [("state", "=", "active")]))
        self.assertFalse(Service.name_search("_", [("state", "=", "active")]))
        self.assertTrue(Service.name_search("T-1", [("state", "=", "active")]))
