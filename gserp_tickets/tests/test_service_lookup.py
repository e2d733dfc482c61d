from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestServiceLookup(GserpTicketsCase):
    """Step 6: what the "Código de Servicio" and client dropdowns offer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.jose = Partner.create({"name": "José Quiñónez", "vat": "1710034065001"})
        cls.quito = Partner.create(
            {"name": "Compañía Quito S.A.", "vat": "1790011674001", "is_company": True}
        )
        cls.service_jose = cls._create_service("UIO-1001", cls.jose, "active")
        cls.service_quito = cls._create_service("UIO-2002", cls.quito, "inactive")
        cls.service_z55 = cls._create_service("Z-55", cls.jose, "suspended")
        cls.service_az55 = cls._create_service("A-Z-55", cls.jose, "suspended")

    def dropdown(self, form, field_name, text):
        """The dropdown of a many2one of the form as the web client fills it.

        Like relational_utils.js: name_search with the field's domain and
        context, limit 8 (it shows 7 and "Search More..." when there is an 8th).
        """
        node = form._view["tree"].xpath(f"//field[@name='{field_name}']")[0]
        field_info = form._view["fields"][field_name]
        values = form._get_eval_context()
        domain = node.get("domain") or field_info.get("domain") or "[]"
        domain = safe_eval(domain, values) if isinstance(domain, str) else domain
        context = safe_eval(node.get("context") or "{}", values)
        comodel = self.env[field_info["relation"]].with_user(self.user)
        return comodel.with_context(**context).name_search(text, domain, limit=8)

    def service_dropdown(self, code_state, text):
        form = self.new_ticket_form()
        form.code_state = code_state
        return self.dropdown(form, "service_id", text)

    def client_dropdown(self, text):
        form = self.new_ticket_form()
        form.code_state = "no_service"
        return self.dropdown(form, "partner_id", text)

    def assertOffers(self, results, records, msg=None):
        found = [record_id for record_id, _name in results]
        for record in records:
            self.assertIn(record.id, found, msg)

    def assertNotOffers(self, results, records, msg=None):
        found = [record_id for record_id, _name in results]
        for record in records:
            self.assertNotIn(record.id, found, msg)

    # Services

    def test_service_found_by_each_key(self):
        for text in (
            "UIO-1001",  # code
            "uio-10",  # code prefix, other case
            "1001",  # part of the code
            "1710034065001",  # RUC
            "171003",  # RUC prefix
            "1710-034065 001",  # RUC typed with separators
            "José Quiñónez",  # name
            "jose quinonez",  # name without accents
            "QUIÑ",  # part of the name, upper case
        ):
            self.assertOffers(
                self.service_dropdown("active", text), self.service_jose, text
            )

    def test_service_found_only_in_its_state(self):
        for state, service, others in (
            ("active", self.service_jose, self.service_quito | self.service_z55),
            ("inactive", self.service_quito, self.service_jose | self.service_z55),
            ("suspended", self.service_z55, self.service_jose | self.service_quito),
        ):
            for text in (service.code, service.partner_id.vat, "quito", "jose"):
                results = self.service_dropdown(state, text)
                self.assertNotOffers(results, others, f"{state} {text}")
            self.assertOffers(self.service_dropdown(state, service.code), service)
        self.assertOffers(
            self.service_dropdown("inactive", "QUITO"), self.service_quito
        )

    def test_service_exact_code_or_ruc_first(self):
        # "A-Z-55" comes before "Z-55" in code order and contains "Z-55".
        results = self.service_dropdown("suspended", "z-55")
        self.assertEqual(
            [record_id for record_id, _name in results],
            [self.service_z55.id, self.service_az55.id],
        )
        other = self._create_service("1710034065001-B", self.client_active, "active")
        results = self.service_dropdown("active", "1710034065001")
        self.assertEqual(results[0][0], self.service_jose.id)
        self.assertOffers(results, other)

    def test_service_display_name_in_dropdown(self):
        results = self.service_dropdown("active", "UIO-1001")
        self.assertEqual(results[0][1], "UIO-1001 - 1710034065001 - José Quiñónez")
        results = self.service_dropdown("suspended", "T-300")
        self.assertEqual(
            results, [(self.service_suspended.id, "T-300 - Cliente Suspendido")]
        )

    def test_service_no_match(self):
        self.assertEqual(self.service_dropdown("active", "no existe"), [])

    def test_service_key_follows_client_changes(self):
        self.jose.write({"name": "Josefina Álvarez", "vat": "0990004196001"})
        self.assertOffers(self.service_dropdown("active", "alvarez"), self.service_jose)
        self.assertOffers(self.service_dropdown("active", "0990004"), self.service_jose)
        self.assertNotOffers(
            self.service_dropdown("active", "quinonez"), self.service_jose
        )

    def test_service_dropdown_limit(self):
        for number in range(10):
            self._create_service(f"LOTE-{number}", self.client_active, "active")
        results = self.service_dropdown("active", "lote")
        self.assertEqual(len(results), 8)

    # Clients, with "Sin Servicio Recurrente"

    def test_client_found_by_ruc_or_name(self):
        for text in ("1790011674001", "179001", "quito", "COMPAÑIA", "compania qui"):
            self.assertOffers(self.client_dropdown(text), self.quito, text)

    def test_client_display_shows_ruc_and_name(self):
        results = self.client_dropdown("1790011674001")
        self.assertEqual(
            results[0], (self.quito.id, "1790011674001 - Compañía Quito S.A.")
        )
        no_vat = self.env["res.partner"].create({"name": "Cliente Sin RUC"})
        results = self.client_dropdown("sin ruc")
        self.assertEqual(results[0], (no_vat.id, "Cliente Sin RUC"))
        self.assertNotIn("False", " ".join(name for _id, name in results))

    def test_client_dropdown_offers_only_real_customers(self):
        internal = new_test_user(self.env, login="quito_internal", name="Quito Interno")
        portal = new_test_user(
            self.env,
            login="quito_portal",
            name="Quito Portal",
            groups="base.group_portal",
        )
        archived_user = new_test_user(self.env, login="quito_old", name="Quito Viejo")
        archived_user.active = False
        archived = self.env["res.partner"].create({"name": "Quito Archivado"})
        archived.active = False
        company = self.env["res.company"].create({"name": "Quito Empresa Propia"})
        results = self.client_dropdown("quito")
        self.assertOffers(results, self.quito)
        self.assertNotOffers(
            results,
            internal.partner_id
            | portal.partner_id
            | archived_user.partner_id
            | archived
            | company.partner_id,
        )
        for text in ("Administrator", "Public user", "Portal User Template"):
            results = self.client_dropdown(text)
            self.assertEqual(
                results,
                [(self.final_consumer.id, "9999999999999 - Consumidor Final")],
                text,
            )

    def test_client_final_consumer_when_nothing_fits(self):
        self.assertEqual(
            self.client_dropdown("no existe este cliente"),
            [(self.final_consumer.id, "9999999999999 - Consumidor Final")],
        )
        results = self.client_dropdown("quito")
        self.assertEqual(results[-1][0], self.final_consumer.id)
        self.assertEqual(
            self.client_dropdown("consumidor")[0][0], self.final_consumer.id
        )

    def test_client_final_consumer_among_shown_when_list_is_full(self):
        Partner = self.env["res.partner"]
        Partner.create([{"name": f"Cliente Lote {number}"} for number in range(10)])
        results = self.client_dropdown("lote")
        # 8 rows: the web client shows 7 and "Search More...", and the 7th is
        # Consumidor Final.
        self.assertEqual(len(results), 8)
        self.assertEqual(results[6][0], self.final_consumer.id)
        self.assertEqual(len({record_id for record_id, _name in results}), 8)

    def test_client_chosen_in_form(self):
        form = self.fill_ticket_form(self.new_ticket_form(), "no_service")
        self.assertEqual(form.partner_id, self.final_consumer)
        (client_id, _name), *_rest = self.client_dropdown("quiñ")
        self.assertEqual(client_id, self.jose.id)
        form.partner_id = self.jose
        ticket = form.save()
        self.assertEqual(ticket.partner_id, self.jose)

    def test_partner_dropdowns_elsewhere_keep_odoo_display(self):
        results = self.env["res.partner"].name_search("Quiñónez")
        self.assertEqual(results, [(self.jose.id, "José Quiñónez")])

    # Cost of the form

    def test_ticket_creation_query_count(self):
        # Measured with make test: the save costs 31 queries after a warm-up
        # ticket (sequence, followers, tracking and the constraints included;
        # since issue 6 also the default stage and the read-back of the stage
        # and of the warm-up ticket, listed as an open ticket alike).
        # The bound leaves 4 for small additions; raise it only knowingly.
        self.create_ticket()
        form = self.fill_ticket_form(self.new_ticket_form())
        with self.assertQueryCount(35):
            form.save()
