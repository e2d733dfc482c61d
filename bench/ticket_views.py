"""Time the ticket list, kanban and reports as the web client opens them, at two sizes.

    python bench/ticket_views.py [--small N] [--large N] [--repeat N] [--seed S] \
        [--target-ms MS] -- ODOO_OPTS

On a database with gserp_tickets and nothing else, it makes services, teams and
agents, loads --small tickets (10,000) with COPY, times the calls, loads more up to
--large (100,000) and times them again, then prints one table with both sizes and
their ratio. The calls are those of Odoo 18's web client for the Tickets menu, read
from the action and its views as the benchmark's ticket operator (record rules
apply), each repeated --repeat times after two warm-up calls, with the ORM cache
emptied before each: median and p95 (nearest rank) of the server-side time.

- list: web_search_read with the list view's specification, limit 80, the list's
  default order and count_limit 10,001 (which counts up to 10,001 rows for the pager);
- pager: search_count as web_search_read does it (limit 10,001) and without limit;
- kanban: web_read_group by stage_id with the card's aggregates, then one
  web_search_read of 40 cards per open (not folded) column;
- pivot: the four read_group calls of the report's pivot (none, rows, columns, both)
  with its measures; graph: the report graph's read_group.

Tickets get a realistic spread: two years of creation dates, stages by age (most old
tickets closed), every shipped category level, teams and their agents, services and
their provinces and zones, origins and priorities. Every stored computed field is
written as the ORM would compute it and checked on a sample against the ORM, except
the SLA dates: the working hours of a target are approximated by a 40-hour week
(deadline = creation + target x 168 / 40 hours) instead of the team's calendar, and
the SLA state follows from those dates with the addon's own rule.
"""

import datetime
import random
import statistics
import sys
import time

import ec_data
import fill_lookup
from bulk_load import (
    MAGIC,
    check_sample,
    complete,
    copy_rows,
    indexes_set_aside,
    reserve_ids,
)
from lxml import etree
from odoo_env import autocommit_execute, odoo_env, parse_int_options, split_argv
from service_lookup import header, load, p95, scans, slowest_statement

from odoo.tools.safe_eval import safe_eval

SERVICES = 20_000
# Fields that the web client's widgets read besides the one they show.
WIDGET_DEPENDENCIES = {
    "kanban_activity": [
        "activity_exception_decoration",
        "activity_exception_icon",
        "activity_state",
        "activity_summary",
        "activity_type_icon",
        "activity_type_id",
    ],
    "list_activity": ["activity_exception_decoration", "activity_exception_icon"],
}
# Stored fields whose values are approximated (see the docstring), not checked.
SLA_APPROXIMATED = {
    "sla_deadline",
    "sla_risk_date",
    "sla_state",
    "sla_paused_since",
    "sla_paused_hours",
    "close_date",
    "close_hours",
}
WORK_RATIO = 40 / 168  # working hours in a week of a 40-hour calendar
TEAMS = {
    "Centro de Monitoreo": "gserp_tickets.category_monitoring",
    "Técnicos Mantenimiento": "gserp_tickets.category_maintenance",
    "Instalaciones": "gserp_tickets.category_installation",
    "Atención Comercial": "gserp_tickets.category_commercial",
}
TARGETS = {  # SLA target in working hours of each top category
    "gserp_tickets.category_monitoring": 4,
    "gserp_tickets.category_maintenance": 16,
    "gserp_tickets.category_installation": 40,
    "gserp_tickets.category_commercial": 24,
}
ORIGINS = {"manual": 50, "phone": 25, "email": 15, "web": 5, "control_centre": 5}
PRIORITIES = {"0": 30, "1": 50, "2": 15, "3": 5}
STAGES_BY_AGE = (  # (max age in days, weights of new, in progress, on hold, ...)
    (3, (50, 30, 10, 5, 4, 1)),
    (30, (10, 25, 15, 15, 30, 5)),
    (None, (1, 2, 2, 3, 85, 7)),
)
STAGES = ("new", "in_progress", "on_hold", "solved", "closed", "cancelled")
DESCRIPTIONS = (
    "Propietario solicita revisar la zona {n}, genera falsas activaciones.",
    "El panel no reporta señal desde hace {n} horas.",
    "Cliente pide cambio de plan y visita técnica en {n} días.",
    "Instalar {n} cámaras adicionales en el perímetro.",
    "Reclamo por la factura del mes: cobro duplicado de {n} dólares.",
)


def parse(argv):
    defaults = {
        "--small": 10_000,
        "--large": 100_000,
        "--repeat": 20,
        "--seed": 2025,
        "--target-ms": 1000,
    }
    return parse_int_options(argv, defaults)


# Reference records, made through the ORM


def make_services(env, rng, now):
    """SERVICES services of as many contacts, loaded like the lookup benchmark's."""
    refs = fill_lookup.make_refs(env)
    env.flush_all()
    contacts = list(ec_data.contacts(rng, SERVICES))
    first_p, cols_p = fill_lookup.load_contacts(env, refs, contacts, now)
    first_s, cols_s = fill_lookup.load_services(
        env, rng, refs, contacts, first_p, SERVICES, now
    )
    env.invalidate_all()
    for model, first, columns in (
        ("res.partner", first_p, cols_p),
        ("gserp.service", first_s, cols_s),
    ):
        complete(env, model, first, SERVICES, columns, fill_lookup.LEFT_EMPTY[model])
    env.flush_all()
    env.invalidate_all()
    return refs, contacts


def make_teams(env):
    """Teams of five agents each, named on the top categories, with SLA targets."""
    group = env.ref("gserp_tickets.group_gserp_tickets_user")
    Category = env["gserp.ticket.category"]
    members = {}
    for number, (name, category_xmlid) in enumerate(TEAMS.items()):
        users = env["res.users"].create(
            [
                {
                    "name": f"Agente {number * 5 + i + 1:02d}",
                    "login": f"bench_agent_{number * 5 + i + 1:02d}",
                    "groups_id": [(6, 0, group.ids)],
                }
                for i in range(5)
            ]
        )
        team = env["gserp.ticket.team"].create(
            {"name": name, "member_ids": [(6, 0, users.ids)]}
        )
        values = {"team_id": team.id}
        if "sla_hours" in Category._fields:
            values["sla_hours"] = TARGETS[category_xmlid]
        env.ref(category_xmlid).write(values)
        members[team.id] = users.ids
    env.flush_all()
    return members


def category_choices(env):
    """[(category, subcategory, detail, deepest)] of every level a ticket may name,
    with how often: details mostly, sometimes only a subcategory or a category."""
    choices, weights = [], []
    for node in env["gserp.ticket.category"].search([]):
        chain = []
        parent = node
        while parent:
            chain.insert(0, parent)
            parent = parent.parent_id
        weight = {1: 1, 2: 2, 3: 7}[len(chain)]
        levels = [c.id for c in chain] + [None] * (3 - len(chain))
        choices.append((*levels, node))
        weights.append(weight)
    return choices, weights


# The tickets


class TicketMaker:
    """Rows of gserp_ticket as the ORM would store them, drawn from a seeded random."""

    def __init__(self, env, rng, refs, contacts, members, now):
        self.env, self.rng, self.now = env, rng, now
        Ticket = env["gserp.ticket"]
        self.sla = "sla_deadline" in Ticket._fields
        env.cr.execute(
            """SELECT id, state, partner_id, province_id, service_zone_id,
                      attention_zone_id FROM gserp_service WHERE active ORDER BY id"""
        )
        self.services = env.cr.fetchall()
        env.cr.execute(
            "SELECT id FROM res_partner WHERE vat IS NOT NULL AND id > %s ORDER BY id",
            [env.ref("gserp_tickets.res_partner_final_consumer").id],
        )
        self.customers = [row[0] for row in env.cr.fetchall()]
        people = [c for c in contacts if c.vat and not c.is_company][:2000]
        self.people = [(c.name.title(), c.vat[:10]) for c in people]
        self.categories, self.category_weights = category_choices(env)
        self.rules = {
            deepest.id: (
                deepest.effective_team_id.id or None,
                deepest.attachment_required,
                deepest.effective_sla_hours if self.sla else 0.0,
            )
            for *_levels, deepest in self.categories
        }
        self.members = members
        self.stages = [env.ref(f"gserp_tickets.gserp_ticket_stage_{s}") for s in STAGES]
        self.campaign = env.ref("gserp_tickets.utm_campaign_no_campaign").id
        self.medium = env.ref("utm.utm_medium_website").id
        self.uid = refs["uid"]
        self.company = refs["company"]
        self.columns = (
            *MAGIC,
            *"number code_state service_id partner_id campaign_id medium_id".split(),
            *"category_id subcategory_id detail_id contact_name contact_phone".split(),
            *"contact_identification origin priority stage_id team_id user_id".split(),
            *"company_id active province_id service_zone_id attention_zone_id".split(),
            *"description attachment_count has_attachment is_complete".split(),
        )
        if self.sla:
            self.columns += (
                *"sla_hours sla_paused_hours sla_paused_since sla_deadline".split(),
                *"sla_risk_date sla_state close_date close_hours".split(),
            )

    def pick(self, table):
        return self.rng.choices(list(table), list(table.values()))[0]

    def stage_of(self, age_days):
        for limit, weights in STAGES_BY_AGE:
            if limit is None or age_days < limit:
                return self.rng.choices(self.stages, weights)[0]
        raise AssertionError

    def sla_values(self, created, stage, hours):
        """(hours, paused hours, paused since, deadline, risk date, state, close
        date, close hours): a 40-hour week stands for the team's calendar."""
        rng, now = self.rng, self.now
        close = close_hours = paused_since = None
        if stage.is_closed:
            target = (hours or 24) / WORK_RATIO
            took = datetime.timedelta(hours=rng.expovariate(1 / target))
            close = min(created + took, now).replace(microsecond=0)
            close_hours = round(
                (close - created).total_seconds() / 3600 * WORK_RATIO, 2
            )
        elif stage.pauses_sla:
            paused_since = created + (now - created) * rng.random()
            paused_since = paused_since.replace(microsecond=0)
        if not hours:
            return (0.0, 0.0, paused_since, None, None, None, close, close_hours)
        deadline = created + datetime.timedelta(hours=hours / WORK_RATIO)
        risk = created + datetime.timedelta(hours=0.75 * hours / WORK_RATIO)
        moment = close or paused_since or now
        state = "late" if moment > deadline else "at_risk" if moment > risk else None
        return (
            hours,
            0.0,
            paused_since,
            deadline,
            risk,
            state or "on_time",
            close,
            close_hours,
        )

    def row(self, ticket_id, number):
        rng = self.rng
        created = self.now - datetime.timedelta(seconds=rng.randrange(730 * 86400))
        if rng.random() < 0.9:
            service, state, partner, province, zone, attention = rng.choice(
                self.services
            )
        else:
            service = province = zone = attention = None
            state, partner = "no_service", rng.choice(self.customers)
        category, subcategory, detail, deepest = rng.choices(
            self.categories, self.category_weights
        )[0]
        team, attachment_required, hours = self.rules[deepest.id]
        users = self.members.get(team) or [None]
        user = rng.choice(users) if rng.random() < 0.85 else None
        stage = self.stage_of((self.now - created).days)
        name, cedula = rng.choice(self.people)
        description = rng.choice(DESCRIPTIONS).format(n=rng.randint(1, 24))
        row = (
            *(ticket_id, self.uid, created, self.uid, created),
            f"{number:05d}",
            *(state, service, partner, self.campaign, self.medium),
            *(category, subcategory, detail, name, ec_data.mobile(rng), cedula),
            self.pick(ORIGINS),
            self.pick(PRIORITIES),
            *(stage.id, team, user, self.company, True, province, zone, attention),
            f"<p>{description}</p>",
            *(0, False, not attachment_required),
        )
        if self.sla:
            row += self.sla_values(created, stage, hours)
        return row

    def load(self, count, first_number):
        """COPY count tickets, numbered from first_number; the first id."""
        first = reserve_ids(self.env, "gserp_ticket", count)
        rows = [self.row(first + i, first_number + i) for i in range(count)]
        with indexes_set_aside(self.env, ("gserp_ticket",)):
            copy_rows(self.env, "gserp_ticket", self.columns, rows)
            self.env.invalidate_all()
            left_empty = [c for c in SLA_APPROXIMATED if c not in self.columns]
            complete(self.env, "gserp.ticket", first, count, self.columns, left_empty)
        sequence = self.env.ref("gserp_tickets.seq_gserp_ticket")
        sequence.write({"number_next": first_number + count})
        return first


# The calls of the web client


def specification(env, arch, model="gserp.ticket"):
    """What getFieldsSpec() of web/static/src/model/relational_model/utils.js sends
    for the fields of an arch, with the fields its widgets depend on."""
    fields = env[model].fields_get(attributes=["type"])
    root = etree.fromstring(arch)
    spec = {}
    nodes = root.xpath("//field[not(ancestor::field)]")
    names = [(n.get("name"), n.get("invisible"), n.get("context")) for n in nodes]
    for node in nodes:
        for dependency in WIDGET_DEPENDENCIES.get(node.get("widget"), ()):
            names.append((dependency, None, None))
    for name, invisible, context in names:
        entry = spec.setdefault(name, {})
        if fields[name]["type"] in ("many2one", "reference"):
            hidden = invisible in ("1", "True")
            entry["fields"] = {} if hidden else {"display_name": {}}
            if context and not hidden:
                entry["context"] = safe_eval(context, {"uid": env.uid})
    return spec


def action_setup(env, xmlid):
    """(domain, context, {view type: arch}) of a window action as the client opens
    it, with the filters its context turns on by default."""
    action = env["ir.actions.actions"]._for_xml_id(xmlid)
    context = safe_eval(action.get("context") or "{}", {"uid": env.uid})
    domain = safe_eval(action.get("domain") or "[]", {"uid": env.uid})
    wanted = [(vid, kind) for vid, kind in action["views"] if kind != "form"]
    wanted.append((action["search_view_id"][0], "search"))
    views = env[action["res_model"]].get_views(wanted)["views"]
    search = etree.fromstring(views["search"]["arch"])
    for key, value in context.items():
        if key.startswith("search_default_") and value:
            name = key[len("search_default_") :]
            for node in search.xpath(f"//filter[@name='{name}'][@domain]"):
                domain += safe_eval(node.get("domain"), {"uid": env.uid})
    return domain, context, {kind: views[kind]["arch"] for _vid, kind in wanted}


def make_calls(env):
    """[(name, function)] of the web client's calls for the Tickets menu and the
    report, and notes saying what they are."""
    domain, context, archs = action_setup(env, "gserp_tickets.gserp_ticket_action")
    Ticket = env["gserp.ticket"].with_context(**context, bin_size=True)
    list_root = etree.fromstring(archs["list"])
    list_order = list_root.get("default_order") or ""
    list_spec = specification(env, archs["list"])
    kanban_root = etree.fromstring(archs["kanban"])
    group_by = kanban_root.get("default_group_by")
    kanban_order = kanban_root.get("default_order") or ""
    kanban_limit = int(kanban_root.get("limit") or 40)
    kanban_spec = specification(env, archs["kanban"])
    kanban_spec.setdefault(group_by, {"fields": {"display_name": {}}})
    fields = Ticket.fields_get(attributes=["aggregator"])
    aggregates = [
        f"{name}:{fields[name]['aggregator']}"
        for name in kanban_spec
        if fields[name].get("aggregator") and name != group_by
    ]

    def open_list():
        return Ticket.web_search_read(
            domain, list_spec, limit=80, order=list_order, count_limit=10_001
        )

    def kanban_groups():
        return Ticket.web_read_group(
            domain, aggregates, [group_by], limit=2**53 - 1, orderby="", lazy=True
        )

    def kanban_columns():
        groups = kanban_groups()["groups"]
        found = 0
        for group in groups:
            if group.get("__fold") or not group[f"{group_by}_count"]:
                continue
            found += len(
                Ticket.with_context(
                    **{f"default_{group_by}": group[group_by][0]}
                ).web_search_read(
                    group["__domain"],
                    kanban_spec,
                    limit=kanban_limit,
                    order=kanban_order,
                    count_limit=10_001,
                )["records"]
            )
        return found

    report_domain, report_context, report = action_setup(
        env, "gserp_tickets.gserp_ticket_analysis_action"
    )
    Report = env["gserp.ticket"].with_context(**report_context)
    pivot = etree.fromstring(report["pivot"])
    rows = [n.get("name") for n in pivot.xpath("//field[@type='row']")]
    cols = [n.get("name") for n in pivot.xpath("//field[@type='col']")]
    measure_names = [n.get("name") for n in pivot.xpath("//field[@type='measure']")]
    measures = ["__count"] + [
        f"{name}:{fields[name]['aggregator']}" for name in measure_names
    ]
    graph = etree.fromstring(report["graph"])
    graph_by = [n.get("name") for n in graph.xpath("//field[not(@type)]")]

    def pivot_calls():
        for row_by in ([], rows):
            for col_by in ([], cols):
                Report.read_group(report_domain, measures, row_by + col_by, lazy=False)

    def graph_call():
        return Report.read_group(report_domain, ["__count"], graph_by, lazy=False)

    calls = [
        ("list: web_search_read (80 rows + count)", open_list),
        (
            "pager: search_count(limit=10001)",
            lambda: Ticket.search_count(domain, limit=10_001),
        ),
        ("pager: search_count (all)", lambda: Ticket.search_count(domain)),
        (f"kanban: web_read_group by {group_by}", kanban_groups),
        (f"kanban: read_group + {kanban_limit} cards per open column", kanban_columns),
        (f"pivot: 4 read_group {' x '.join(rows + cols)}", pivot_calls),
        (f"graph: read_group {' x '.join(graph_by)}", graph_call),
    ]
    notes = [
        f"action domain {domain}, context {context}",
        f"list order {list_order or 'the model order'}, fields {sorted(list_spec)}",
        f"kanban fields {sorted(kanban_spec)}, aggregates {aggregates}",
        f"pivot measures {measures}",
    ]
    return calls, notes


def time_calls(env, calls, repeat):
    """{name: [ms...]} of each call, repeat times after two warm-up calls."""
    results = {}
    for name, function in calls:
        for _ in range(2):
            env.invalidate_all()
            function()
        times = []
        for _ in range(repeat):
            env.invalidate_all()
            start = time.perf_counter()
            function()
            times.append((time.perf_counter() - start) * 1000)
        results[name] = times
    return results


def trace(env, function):
    """How many statements a call sends and the slowest one's time and scans."""
    count, __, delay, explained = slowest_statement(env, function)
    plan = ""
    if explained:
        plan = (
            f", plan {explained['Execution Time']:.1f} ms: {scans(explained['Plan'])}"
        )
    return f"{count} statements, the slowest {delay * 1000:.1f} ms{plan}"


def measure(env, user_env, repeat):
    calls, notes = make_calls(user_env)
    env.cr.execute("SELECT count(*) FROM gserp_ticket")
    tickets = env.cr.fetchone()[0]
    print(f"\nTiming at {tickets} tickets (load average {load()})")
    results = time_calls(user_env, calls, repeat)
    plans = {name: trace(user_env, function) for name, function in calls}
    return tickets, results, plans, notes


def spread(env):
    """How the loaded tickets are spread over stages, SLA states and origins."""
    Ticket = env["gserp.ticket"]
    names = [n for n in ("stage_id", "sla_state", "origin") if n in Ticket._fields]
    for name in names:
        groups = Ticket.read_group([], ["__count"], [name], lazy=False)
        shown = ", ".join(
            f"{g[name][1] if isinstance(g[name], tuple) else g[name]} {g['__count']}"
            for g in groups
        )
        print(f"- by {name}: {shown}")


def report(small, large, target):
    (n_small, r_small, _p, notes), (n_large, r_large, plans, _n) = small, large
    ms = "{:.1f}".format
    for note in notes:
        print(f"- {note}")
    print(
        f"\n| call | median ms {n_small} | p95 {n_small} | median ms {n_large} "
        f"| p95 {n_large} | ratio median |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, times in r_small.items():
        big = r_large[name]
        print(
            f"| {name} | {ms(statistics.median(times))} | {ms(p95(times))} "
            f"| {ms(statistics.median(big))} | {ms(p95(big))} "
            f"| {statistics.median(big) / statistics.median(times):.1f}x |"
        )
    print(f"\nSQL of each call at {n_large} tickets:")
    for name, plan in plans.items():
        print(f"- {name}: {plan}")
    print(f"- load average at end: {load()}")
    opening = {
        "list": [n for n in r_large if n.startswith("list")],
        "kanban": [n for n in r_large if n.startswith("kanban: read_group +")],
    }
    worst = {
        view: max(p95(r_large[n]) for n in names) for view, names in opening.items()
    }
    verdict = "met" if max(worst.values()) < target else "NOT met"
    shown = ", ".join(f"{view} p95 {ms(value)} ms" for view, value in worst.items())
    print(
        f"\ntarget: list and kanban under {target} ms at {n_large}: {verdict} ({shown})"
    )


def main():
    own, odoo_args = split_argv(sys.argv[1:])
    small, large, repeat, seed, target = parse(own)
    if not 0 < small < large:
        sys.exit("--small must be positive and below --large")
    steps = fill_lookup.Steps()
    with odoo_env(odoo_args) as env:
        env.cr.execute("SELECT count(*) FROM gserp_ticket")
        if env.cr.fetchone()[0]:
            sys.exit("the database already has tickets: run bench/run.sh --fresh")
        header(
            env,
            f"{SERVICES} services; tickets: {small}, then {large}",
            "Ticket views benchmark",
        )
        now = datetime.datetime.now().replace(microsecond=0)
        rng = random.Random(seed)
        refs, contacts = make_services(env, rng, now)
        members = make_teams(env)
        steps.done(f"{SERVICES} contacts and services, {len(TEAMS)} teams made")
        maker = TicketMaker(env, rng, refs, contacts, members, now)
        user = env["res.users"].search([("login", "=", fill_lookup.BENCH_LOGIN)])
        context = user.context_get() | {"allowed_company_ids": user.company_id.ids}
        user_env = env(user=user, context=context)
        results = []
        loaded = 0
        for size in (small, large):
            first = maker.load(size - loaded, loaded + 1)
            check_sample(
                env, rng, "gserp.ticket", first, size - loaded, SLA_APPROXIMATED
            )
            loaded = size
            env.cr.commit()
            autocommit_execute("VACUUM ANALYZE gserp_ticket")
            steps.done(f"{size} tickets loaded, checked, analyzed")
            spread(env)
            results.append(measure(env, user_env, repeat))
            steps.done(f"timed at {size}")
        report(*results, target)


if __name__ == "__main__":
    main()
