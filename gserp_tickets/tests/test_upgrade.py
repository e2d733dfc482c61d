from lxml import etree

from odoo.modules.module import get_manifest
from odoo.tests import tagged
from odoo.tools import convert_file
from odoo.tools.misc import file_open

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestUpgradeKeepsEdits(GserpTicketsCase):
    """`-u gserp_tickets` reloads the data files; consultants' edits must stay.

    tools/check_upgrade.py runs the real update and uninstall after the tests.
    """

    def _data_files(self):
        return [
            name
            for name in get_manifest("gserp_tickets")["data"]
            if name.startswith("data/")
        ]

    def _reload_data_files(self):
        # What odoo/modules/loading.py does for each data file of an update.
        for name in get_manifest("gserp_tickets")["data"]:
            convert_file(
                self.env, "gserp_tickets", name, {}, mode="update", kind="data"
            )
        self.env.invalidate_all()

    def test_shipped_records_are_noupdate(self):
        for name in self._data_files():
            with self.subTest(file=name), file_open(f"gserp_tickets/{name}") as file:
                root = etree.parse(file).getroot()
                self.assertEqual(root.get("noupdate"), "1")

    def test_update_keeps_edited_and_added_records(self):
        category = self.env.ref("gserp_tickets.category_maintenance")
        category.write({"name": "Mantenimiento técnico", "sequence": 99})
        added = self.env["gserp.ticket.category"].create(
            {"name": "Garantía", "parent_id": category.id}
        )
        campaign = self.env.ref("gserp_tickets.utm_campaign_no_campaign")
        campaign.title = "Sin campaña asociada"
        consumer = self.env.ref("gserp_tickets.res_partner_final_consumer")
        consumer.write({"phone": "022345678", "street": "Av. Amazonas"})
        sequence = self.env.ref("gserp_tickets.seq_gserp_ticket")
        sequence.padding = 7
        zone = self.env["gserp.zone"].create({"name": "Valle de los Chillos"})
        ticket = self.create_ticket()

        self._reload_data_files()

        self.assertEqual(category.name, "Mantenimiento técnico")
        self.assertEqual(category.sequence, 99)
        self.assertEqual(added.parent_id, category)
        self.assertEqual(campaign.title, "Sin campaña asociada")
        self.assertEqual(consumer.phone, "022345678")
        self.assertEqual(consumer.street, "Av. Amazonas")
        self.assertEqual(sequence.padding, 7)
        self.assertTrue(zone.exists())
        self.assertTrue(ticket.exists())
        self.assertEqual(ticket.detail_id, self.cat_fence)

    def test_update_keeps_archived_shipped_records(self):
        category = self.env.ref("gserp_tickets.category_maintenance_preventive")
        category.active = False
        self._reload_data_files()
        self.assertFalse(category.active)
