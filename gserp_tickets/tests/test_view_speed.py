from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

# Non-stored computed fields that the views may show all the same, and why.
ALLOWED_COMPUTED = {
    # Odoo's own record name: made in memory from the stored ticket number.
    "display_name",
}


@tagged("post_install", "-at_install")
class TestViewSpeed(TransactionCase):
    """The ticket views that open on many records use stored fields only.

    A non-stored computed field in a list, a kanban card, a report or a search
    filter is computed for every row shown (or, in a filter or a group-by, cannot
    be run by the database at all), which is what makes a view of 100,000 tickets
    slow.
    """

    def views(self):
        """{(action, view type): arch} of the ticket views opened on many rows."""
        Ticket = self.env["gserp.ticket"]
        found = {}
        for xmlid in (
            "gserp_tickets.gserp_ticket_action",
            "gserp_tickets.gserp_ticket_analysis_action",
        ):
            action = self.env.ref(xmlid)
            wanted = [(vid, kind) for vid, kind in action.views if kind != "form"]
            wanted.append((action.search_view_id.id, "search"))
            result = Ticket.get_views(wanted)
            for _vid, kind in wanted:
                found[xmlid.split(".")[1], kind] = result["views"][kind]["arch"]
        return found

    def field_paths(self, arch):
        """Every field path an arch uses: its fields, the fields of its filters'
        domains and group-bys, its default group-by and order."""
        root = etree.fromstring(arch)
        paths = set()
        for node in root.xpath("//field[not(ancestor::field)]"):
            paths.add(node.get("name"))
            if node.get("filter_domain"):
                paths |= self.domain_paths(node.get("filter_domain"))
        for node in root.xpath("//filter"):
            if node.get("domain"):
                paths |= self.domain_paths(node.get("domain"))
            context = safe_eval(node.get("context") or "{}", self.eval_context())
            group_by = context.get("group_by") or []
            for name in [group_by] if isinstance(group_by, str) else group_by:
                paths.add(name.split(":")[0])
        for attribute in ("default_group_by", "default_order"):
            for part in (root.get(attribute) or "").split(","):
                if part.strip():
                    paths.add(part.split()[0])
        return paths

    def eval_context(self):
        """What the web client offers to the expressions of a search view."""
        return {
            "uid": self.env.uid,
            "self": "",  # the text typed, in a field's filter_domain
            "context_today": datetime.datetime.now,
            "datetime": datetime,
            "relativedelta": dateutil.relativedelta.relativedelta,
            "time": time,
        }

    def domain_paths(self, domain):
        return {
            leaf[0]
            for leaf in safe_eval(domain, self.eval_context())
            if isinstance(leaf, list | tuple) and isinstance(leaf[0], str)
        }

    def slow_fields(self, path):
        """The fields of a path that would be computed record by record."""
        model, slow = self.env["gserp.ticket"], []
        for name in path.split("."):
            field = model._fields[name]
            if field.compute and not field.store:
                if name not in ALLOWED_COMPUTED:
                    kind = "related" if field.related else "computed"
                    slow.append(f"{model._name}.{name} ({kind}, not stored)")
            if field.relational:
                model = self.env[field.comodel_name]
        return slow

    def test_views_use_stored_fields(self):
        views = self.views()
        self.assertEqual(
            set(views),
            {
                ("gserp_ticket_action", "list"),
                ("gserp_ticket_action", "kanban"),
                ("gserp_ticket_action", "search"),
                ("gserp_ticket_analysis_action", "list"),
                ("gserp_ticket_analysis_action", "pivot"),
                ("gserp_ticket_analysis_action", "graph"),
                ("gserp_ticket_analysis_action", "search"),
            },
        )
        offenders = []
        for (action, kind), arch in sorted(views.items()):
            paths = self.field_paths(arch)
            self.assertIn("category_id", paths, f"{action} {kind} was not read")
            for path in sorted(paths):
                offenders += [f"{action} {kind}: {s}" for s in self.slow_fields(path)]
        self.assertFalse(
            offenders,
            "Fields computed row by row in views of many tickets:\n"
            + "\n".join(offenders),
        )

    def test_allowed_computed_fields_read_only_their_row(self):
        """The exceptions depend only on stored columns of the ticket itself."""
        Ticket = self.env["gserp.ticket"]
        for name in ALLOWED_COMPUTED:
            depends = Ticket._fields[name].get_depends(Ticket)[0]
            self.assertTrue(depends, name)
            for dependency in depends:
                self.assertNotIn(".", dependency, name)
                self.assertTrue(Ticket._fields[dependency].store, dependency)
