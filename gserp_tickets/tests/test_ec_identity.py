from odoo.exceptions import ValidationError
from odoo.tests import Form, TransactionCase, tagged

from ..tools import ec_identity, phone, search_key
from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestIdentityAndPhoneRules(TransactionCase):
    """The pure rules of tools/: no database behind them."""

    def test_identity_numbers(self):
        for number, status in (
            ("1710034065", ec_identity.VALID),  # cédula
            ("1710034065001", ec_identity.VALID),  # RUC of a person
            ("1790011674001", ec_identity.VALID),  # RUC of a company
            (" 1710034065-001 ", ec_identity.VALID),  # separators typed
            ("17.1003.4065", ec_identity.VALID),
            ("1712345678", ec_identity.BAD_CHECK_DIGIT),
            ("1790011675001", ec_identity.BAD_CHECK_DIGIT),
            ("9999999999999", ec_identity.VALID),  # Consumidor Final's own
            ("171003406", ec_identity.BAD_LENGTH),
            ("17100340650", ec_identity.BAD_LENGTH),
            ("17100340AB", ec_identity.NOT_DIGITS),
            ("", ec_identity.NOT_DIGITS),
        ):
            self.assertEqual(ec_identity.check(number), status, number)
        self.assertEqual(ec_identity.compact(" 1710-034 065.001"), "1710034065001")

    def test_phone_numbers(self):
        for typed, stored in (
            ("0991234567", "0991234567"),
            ("099 123 4567", "0991234567"),
            ("+593 99 123 4567", "0991234567"),
            ("593991234567", "0991234567"),
            ("(02) 256-7890", "022567890"),
            ("+593 4 256 7890", "042567890"),
            ("+34 912 345 678", "+34912345678"),
            ("0034 912 345 678", "+34912345678"),
        ):
            self.assertEqual(phone.normalize(typed), stored, typed)
        for typed in ("12345", "0991234", "09912345678", "0812345678", "llamar", "+5"):
            self.assertIsNone(phone.normalize(typed), typed)

    def test_search_key(self):
        self.assertEqual(
            search_key.build("UIO-1001", "1710-034065-001", "José  ÑANDÚ"),
            "uio-1001 | 1710034065001 | jose nandu",
        )
        self.assertEqual(search_key.build("T-1", False, "Quito"), "t-1 | quito")
        self.assertEqual(search_key.query(" QUIÑÓNEZ "), "quinonez")
        self.assertEqual(search_key.query("1710-034"), "1710034")


@tagged("post_install", "-at_install")
class TestIdentityOnRecords(GserpTicketsCase):
    """Client RUC/cédula and the contact's ID number and phone, as users type them."""

    def test_partner_vat_normalized_and_checked(self):
        Partner = self.env["res.partner"]
        client = Partner.create({"name": "Con guiones", "vat": "1710-034065 001"})
        self.assertEqual(client.vat, "1710034065001")
        self.assertFalse(client.gserp_vat_warning)
        client.vat = "17 1003 4065"
        self.assertEqual(client.vat, "1710034065")
        ec = self.env.ref("base.ec")
        for vat in ("171003406", "17100340AB", "17100340650011"):
            with self.assertRaisesRegex(ValidationError, "digits"), self.cr.savepoint():
                Partner.create({"name": "Mal", "vat": vat, "country_id": ec.id})
        doubtful = Partner.create({"name": "Dudoso", "vat": "1790011675001"})
        self.assertTrue(doubtful.gserp_vat_warning)

    def test_partner_vat_of_other_countries_untouched(self):
        spain = self.env.ref("base.es")
        partner = self.env["res.partner"].create(
            {"name": "Cliente Español", "vat": "ES A-12345678", "country_id": spain.id}
        )
        self.assertEqual(partner.vat, "ES A-12345678")
        self.assertFalse(partner.gserp_vat_warning)

    def test_final_consumer_ruc_reserved(self):
        self.assertEqual(self.final_consumer.vat, "9999999999999")
        # Its RUC fails the algorithm but is no doubt: no warning on its tickets.
        self.assertFalse(self.final_consumer.gserp_vat_warning)
        with self.assertRaisesRegex(ValidationError, "Consumidor Final"):
            self.env["res.partner"].create({"name": "Otro", "vat": "9999999999999"})
        with self.assertRaisesRegex(ValidationError, "Consumidor Final"):
            self.create_ticket(contact_identification="9999999999999")

    def test_partner_warning_banner(self):
        doubtful = self.env["res.partner"].create(
            {"name": "Dudoso", "vat": "1790011675001"}
        )
        form = Form(doubtful)
        banner = form._view["tree"].xpath("//div[@name='gserp_vat_warning']")
        self.assertTrue(banner)
        self.assertTrue(form.gserp_vat_warning)
        form.vat = "1790011674001"
        self.assertFalse(form.gserp_vat_warning)

    def test_contact_identification(self):
        ticket = self.create_ticket(contact_identification="1710-034065")
        self.assertEqual(ticket.contact_identification, "1710034065")
        self.assertFalse(ticket.contact_identification_warning)
        for number in ("171003406", "ABC1234567", "17100340650"):
            with self.assertRaisesRegex(ValidationError, "ID number"):
                self.create_ticket(contact_identification=number)

    def test_contact_identification_bad_check_digit_warns(self):
        form = self.fill_ticket_form(self.new_ticket_form())
        form.contact_identification = "1712345678"
        self.assertTrue(form.contact_identification_warning)
        ticket = form.save()
        self.assertEqual(ticket.contact_identification, "1712345678")
        self.assertTrue(ticket.contact_identification_warning)
        banner = form._view["tree"].xpath(
            "//div[@name='contact_identification_warning']"
        )
        self.assertEqual(
            banner[0].get("invisible"), "not contact_identification_warning"
        )

    def test_contact_phone(self):
        ticket = self.create_ticket(contact_phone="+593 99 765 4321")
        self.assertEqual(ticket.contact_phone, "0997654321")
        for bad in ("12345", "llamar luego"):
            with self.assertRaisesRegex(ValidationError, "not a phone number"):
                self.create_ticket(contact_phone=bad)
        with self.assertRaisesRegex(ValidationError, "not a phone number"):
            ticket.with_user(self.user).contact_phone = "099"

    def test_service_responsible_phone(self):
        service = self.service_active
        service.responsible_phone = "(02) 256 7890"
        self.assertEqual(service.responsible_phone, "022567890")
        with self.assertRaisesRegex(ValidationError, "not a phone number"):
            service.responsible_phone = "abc"
