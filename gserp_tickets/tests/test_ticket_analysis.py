from lxml import etree

from odoo.tests import tagged, users

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestTicketAnalysis(GserpTicketsCase):
    """Informes → Análisis de tickets: tickets counted by what the users ask."""

    def stage(self, name):
        return self.env.ref(f"gserp_tickets.gserp_ticket_stage_{name}")

    def pivot_cells(self, tickets, totals=False):
        """{(row, column): (count, measures...)} of the report's pivot, with the
        measures of its arch aggregated as each field says, as the client does."""
        Ticket = self.env["gserp.ticket"]
        arch = Ticket.get_views([(False, "pivot")])["views"]["pivot"]["arch"]
        root = etree.fromstring(arch)
        row = root.xpath("//field[@type='row']")[0].get("name")
        col = root.xpath("//field[@type='col']")[0].get("name")
        names = [node.get("name") for node in root.xpath("//field[@type='measure']")]
        fields = Ticket.fields_get(names, ["aggregator"])
        measures = [f"{name}:{fields[name]['aggregator']}" for name in names]
        # The pivot's total column has one group per row.
        group_by = [row] if totals else [row, col]
        groups = Ticket.read_group(
            [("id", "in", tickets.ids)], ["__count", *measures], group_by, lazy=False
        )
        return {
            (group[row][1], "Total" if totals else group[col][1]): (
                group["__count"],
                *(group[name] for name in names),
            )
            for group in groups
        }

    @users("gserp_operator")
    def test_menu_of_the_report_in_spanish(self):
        self._ensure_spanish()
        menus = (
            self.env["ir.ui.menu"].with_context(lang="es_EC").load_menus(debug=False)
        )
        root = self.env.ref("gserp_tickets.gserp_tickets_menu_root")
        children = {menus[i]["name"]: menus[i] for i in menus[root.id]["children"]}
        self.assertIn("Informes", children)
        analysis = [menus[i] for i in children["Informes"]["children"]]
        self.assertEqual([menu["name"] for menu in analysis], ["Análisis de tickets"])
        action = (
            self.env["ir.actions.actions"]
            .with_context(lang="es_EC")
            ._for_xml_id("gserp_tickets.gserp_ticket_analysis_action")
        )
        self.assertEqual(analysis[0]["action"], f"ir.actions.act_window,{action['id']}")
        self.assertEqual(action["name"], "Análisis de tickets")
        self.assertEqual(action["view_mode"].split(",")[:2], ["pivot", "graph"])

    @users("gserp_operator")
    def test_pivot_counts_tickets_and_time_to_close(self):
        first = self.create_ticket()
        second = self.create_ticket()
        other = self.create_ticket(category_id=self.cat_maintenance)
        third = self.create_ticket()
        second.stage_id = self.stage("in_progress")
        (first | third).stage_id = self.stage("closed")
        # Time to close, as the SLA clock would have counted it.
        first.sudo().close_hours = 2.0
        third.sudo().close_hours = 5.0
        cells = self.pivot_cells(first | second | third | other)
        self.assertEqual(
            cells,
            {
                ("Test Monitoreo", "Cerrado"): (2, 3.5),
                ("Test Monitoreo", "En Proceso"): (1, 0.0),
                ("Test Mantenimiento", "Nuevo"): (1, 0.0),
            },
        )
        # Open tickets do not count in the average time to close.
        totals = self.pivot_cells(first | second | third | other, totals=True)
        self.assertEqual(totals["Test Monitoreo", "Total"], (3, 3.5))

    @users("gserp_operator")
    def test_place_of_the_service_reaches_its_tickets(self):
        """Province and zones are stored on the ticket, so that the report
        groups by them, and follow a change made on the service."""
        ticket = self.create_ticket()
        south = (
            self.env["gserp.zone"]
            .sudo()
            .create({"name": "Sur", "zone_type": "service"})
        )
        coast = (
            self.env["gserp.zone"]
            .sudo()
            .create({"name": "Costa", "zone_type": "attention"})
        )
        guayas = self.env.ref("base.state_ec_09")
        self.service_active.sudo().write(
            {
                "province_id": guayas.id,
                "service_zone_id": south.id,
                "attention_zone_id": coast.id,
            }
        )
        places = ["province_id", "service_zone_id", "attention_zone_id"]
        groups = self.env["gserp.ticket"].read_group(
            [("id", "=", ticket.id)], ["__count"], places, lazy=False
        )
        self.assertEqual(
            [tuple(group[name][1] for name in places) for group in groups],
            [(guayas.display_name, "Sur", "Costa")],
        )
        # Kept in the ticket's own row, where a report of many tickets reads it.
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT province_id, service_zone_id, attention_zone_id"
            " FROM gserp_ticket WHERE id = %s",
            [ticket.id],
        )
        self.assertEqual(self.env.cr.fetchall(), [(guayas.id, south.id, coast.id)])

    def test_search_groups_by_place(self):
        arch = self.env["gserp.ticket"].get_views([(False, "search")])["views"]
        root = etree.fromstring(arch["search"]["arch"])
        group_bys = {
            node.get("name"): node.get("context")
            for node in root.xpath("//filter[contains(@context, 'group_by')]")
        }
        for name, field in (
            ("group_province", "province_id"),
            ("group_service_zone", "service_zone_id"),
            ("group_attention_zone", "attention_zone_id"),
            ("group_category", "category_id"),
            ("group_stage", "stage_id"),
            ("group_team", "team_id"),
            ("group_origin", "origin"),
        ):
            self.assertEqual(group_bys.get(name), f"{{'group_by': '{field}'}}")
