from odoo.tests import HttpCase, tagged

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestServiceLookupTour(GserpTicketsCase, HttpCase):
    """Step 6 in headless Chromium: static/tests/tours/service_lookup_tours.js."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._ensure_spanish()
        cls.user.write({"lang": "es_EC", "tz": "America/Guayaquil"})
        Partner = cls.env["res.partner"]
        jose = Partner.create({"name": "José Quiñónez", "vat": "1710034065001"})
        quito = Partner.create(
            {"name": "Compañía Quito S.A.", "vat": "1790011674001", "is_company": True}
        )
        # Clicking a dropdown first lists the records of the state in code or
        # name order: these decoys fill that list, so that what the tour expects
        # shows only once the typed text has been searched.
        decoys = Partner.create(
            [{"name": f"Aaron Señuelo {number}"} for number in range(1, 9)]
        )
        for number, decoy in enumerate(decoys, start=1):
            cls._create_service(f"A-00{number}", decoy, "active")
            cls._create_service(f"A-10{number}", decoy, "suspended")
        cls.service_jose = cls._create_service("UIO-1001", jose, "active")
        cls._create_service("UIO-2002", quito, "inactive")
        cls._create_service("UIO-3003", jose, "suspended")

    def test_tour_service_lookup(self):
        self.start_tour(
            "/odoo/action-gserp_tickets.gserp_ticket_action",
            "gserp_service_lookup",
            login=self.user.login,
        )
        # The tour leaves the ticket unsaved.
        self.assertFalse(
            self.env["gserp.ticket"].search([("create_uid", "=", self.user.id)])
        )
