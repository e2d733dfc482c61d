from lxml import etree

from odoo.tests import Form, TransactionCase, new_test_user
from odoo.tools.safe_eval import safe_eval


class GserpTicketsCase(TransactionCase):
    """Records every ticket test needs, built here rather than taken from demo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="gserp_operator",
            name="Ticket Operator",
            groups="gserp_tickets.group_gserp_tickets_user",
        )
        cls.final_consumer = cls.env.ref("gserp_tickets.res_partner_final_consumer")
        cls._setup_categories()
        cls._setup_services()

    @classmethod
    def _ensure_spanish(cls):
        """Spanish (Ecuador) with the addon's terms, as the procedure's users read it.

        make test loads es_EC with the addon; this keeps a test whole elsewhere.
        """
        if not cls.env["res.lang"]._lang_get("es_EC"):
            cls.env["res.lang"]._activate_lang("es_EC")
            modules = ["base", "web", "mail", "utm", "gserp_tickets"]
            cls.env["ir.module.module"]._load_module_terms(modules, ["es_EC"])

    @classmethod
    def _setup_categories(cls):
        Category = cls.env["gserp.ticket.category"]
        cls.cat_maintenance = Category.create({"name": "Test Mantenimiento"})
        cls.cat_corrective = Category.create(
            {"name": "Correctivo", "parent_id": cls.cat_maintenance.id}
        )
        cls.cat_integral = Category.create(
            {
                "name": "Mantenimiento Integral",
                "parent_id": cls.cat_corrective.id,
                "contact_policy": "optional",
            }
        )
        cls.cat_monitoring = Category.create({"name": "Test Monitoreo"})
        cls.cat_false_alarm = Category.create(
            {"name": "Falsas activaciones", "parent_id": cls.cat_monitoring.id}
        )
        cls.cat_fence = Category.create(
            {"name": "Cerco eléctrico", "parent_id": cls.cat_false_alarm.id}
        )

    @classmethod
    def _setup_services(cls):
        Zone = cls.env["gserp.zone"]
        cls.zone_service = Zone.create({"name": "Norte", "zone_type": "service"})
        cls.zone_attention = Zone.create({"name": "Sierra", "zone_type": "attention"})
        Partner = cls.env["res.partner"]
        cls.client_active = Partner.create(
            {"name": "Cliente Activo", "vat": "1712345675001"}
        )
        cls.client_inactive = Partner.create(
            {"name": "Cliente Desactivo", "vat": "0992345675001", "is_company": True}
        )
        cls.client_suspended = Partner.create({"name": "Cliente Suspendido"})
        cls.service_active = cls._create_service("T-100", cls.client_active, "active")
        cls.service_inactive = cls._create_service(
            "T-200", cls.client_inactive, "inactive"
        )
        cls.service_suspended = cls._create_service(
            "T-300", cls.client_suspended, "suspended"
        )
        cls.services = {
            service.state: service
            for service in cls.service_active
            | cls.service_inactive
            | cls.service_suspended
        }

    @classmethod
    def _create_service(cls, code, partner, state):
        return cls.env["gserp.service"].create(
            {
                "code": code,
                "partner_id": partner.id,
                "state": state,
                "responsible_phone": "0991234567",
                "province_id": cls.env.ref("base.state_ec_17").id,
                "city": "Quito",
                "service_zone_id": cls.zone_service.id,
                "attention_zone_id": cls.zone_attention.id,
                "start_datetime": "2005-03-18 00:00:00",
            }
        )

    # Helpers that act as the operator in the ticket form

    def new_ticket_form(self):
        return Form(self.env["gserp.ticket"].with_user(self.user))

    def fill_ticket_form(self, form, code_state="active"):
        """Fill a ticket form the way the procedure does, up to saving it.

        The service is the one of the given code status from setUpClass; with
        "no_service" the customer is left at its default.
        """
        form.code_state = code_state
        if code_state != "no_service":
            form.service_id = self.services[code_state]
        form.category_id = self.cat_monitoring
        form.subcategory_id = self.cat_false_alarm
        form.detail_id = self.cat_fence
        form.contact_name = "María Vivar"
        form.contact_phone = "0991234567"
        form.contact_identification = "1712345675"
        form.description = "<p>Revisar la zona 15 del cerco eléctrico.</p>"
        return form

    def create_ticket(self, **values):
        form = self.fill_ticket_form(self.new_ticket_form())
        for name, value in values.items():
            form[name] = value
        return form.save()

    def offered(self, form, field_name):
        """Return what the dropdown of a many2one of the form would offer."""
        node = form._view["tree"].xpath(f"//field[@name='{field_name}']")[0]
        field_info = form._view["fields"][field_name]
        domain = node.get("domain") or field_info.get("domain") or "[]"
        if isinstance(domain, str):
            domain = safe_eval(domain, form._get_eval_context())
        comodel = self.env[field_info["relation"]].with_user(self.user)
        return comodel.search(domain)

    def search_filter(self, model, filter_name):
        """Return the records that a filter of the model's search view shows."""
        arch = self.env[model].get_views([(False, "search")])["views"]["search"]
        node = etree.fromstring(arch["arch"]).xpath(f"//filter[@name='{filter_name}']")
        domain = safe_eval(node[0].get("domain"), {"uid": self.user.id})
        return self.env[model].with_user(self.user).search(domain)
