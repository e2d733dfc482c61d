"""Time the dropdown lookups of the ticket form, with and without their indexes.

    python bench/service_lookup.py [--queries N] [--seed S] [--target-ms MS] \
        -- ODOO_OPTS

Odoo 18's web client fills a many2one dropdown through Many2XAutocomplete.search()
(web/static/src/views/fields/relational_utils.js): an ORM call of name_search with
name=<typed text>, operator="ilike", args=<the field's domain evaluated on the
record>, limit=searchLimit + 1 = 8 and the field's context, as the logged-in user.
This script makes the same call on the "Código de Servicio" field (code status
"Activo"), as the benchmark's ticket operator so that record rules apply, and on the
client field used with "Sin Servicio Recurrente" when the addon gives that search a
context or a search of its own.

Each class of query (code prefixes, RUC prefixes, name fragments, text matching
nothing) is timed call by call with perf_counter after warm-up calls, the ORM cache
invalidated before each call: median and p95 (nearest rank) in ms. Then, in the same
transaction, the indexes on the searched columns are dropped, the tables analyzed and
the same queries timed again; a rollback brings the indexes back exactly as they
were, which is then checked (a missing one would be rebuilt from its saved
definition). For the slowest lookup of each class it also shows the SQL it sent:
how many statements, and the scans of the slowest. Exits 0 whether the target is
met or not: this is a benchmark.
"""

import os
import platform
import random
import statistics
import sys
import threading
import time

import ec_data
from fill_lookup import BENCH_LOGIN
from lookup_indexes import indexes_dropped, search_indexes, searched_columns
from lxml import etree
from odoo_env import odoo_env, parse_int_options, split_argv

from odoo.release import version
from odoo.tools.safe_eval import safe_eval

PARTNER_SEARCHES = {"name_search", "web_name_search", "_search_display_name"}
NAMES = ec_data.SURNAMES + ec_data.GIVEN_MALE + ec_data.GIVEN_FEMALE


def parse(argv):
    defaults = {"--queries": 50, "--seed": 7, "--target-ms": 30}
    return parse_int_options(argv, defaults)


def field_call(env, fname, code_state):
    """(model, args, context) of the web client's name_search on a ticket field."""
    Ticket = env["gserp.ticket"]
    arch = Ticket.get_views([(False, "form")])["views"]["form"]["arch"]
    nodes = etree.fromstring(arch).xpath(f"//field[@name='{fname}']")
    attrs = nodes[0].attrib if nodes else {}
    desc = Ticket.fields_get([fname], ["domain", "context", "relation"])[fname]
    record = {"company_id": env.company.id, "code_state": code_state, "id": False}
    record |= {"uid": env.uid, "context": env.context}
    domain = attrs.get("domain") or desc.get("domain") or []
    context = attrs.get("context") or desc.get("context") or {}
    domain = safe_eval(domain, record) if isinstance(domain, str) else domain
    context = safe_eval(context, record) if isinstance(context, str) else context
    return desc["relation"], domain, context


def addon_searches_partners(env):
    """Whether gserp_tickets overrides how res.partner is searched by name."""
    return any(
        cls.__module__.startswith("odoo.addons.gserp_tickets")
        and PARTNER_SEARCHES & set(vars(cls))
        for cls in type(env["res.partner"]).mro()
    )


def make_queries(env, rng, count):
    """count queries of each class, taken from the loaded rows and names."""
    env.cr.execute(
        """SELECT s.code, p.vat FROM gserp_service s
             JOIN res_partner p ON p.id = s.partner_id
            WHERE s.state = 'active' AND s.active AND p.vat IS NOT NULL
            ORDER BY s.id"""
    )
    rows = rng.sample(env.cr.fetchall(), 2 * count)

    def fragment():
        word = ec_data.plain(rng.choice(NAMES))
        size = rng.randint(min(4, len(word)), min(7, len(word)))
        start = rng.randint(0, len(word) - size)
        return word[start : start + size]

    def nothing():
        if rng.random() < 0.5:  # a code of a line of business that does not exist
            return f"XYZ-{rng.randrange(10**6):06d}"[: rng.randint(5, 10)]
        return "".join(rng.choice("qxzwkj") for _ in range(rng.randint(4, 7)))

    return {
        "code prefix": [code[: rng.randint(6, 10)] for code, _vat in rows[:count]],
        "RUC prefix": [vat[: rng.randint(6, len(vat))] for _code, vat in rows[count:]],
        "name fragment": [fragment() for _ in range(count)],
        "no match": [nothing() for _ in range(count)],
    }


def time_calls(env, model, args, queries):
    """Milliseconds and result counts of one name_search per query."""
    times, hits = [], []
    for text in queries:
        env.invalidate_all()
        start = time.perf_counter()
        found = model.name_search(name=text, args=args, operator="ilike", limit=8)
        times.append((time.perf_counter() - start) * 1000)
        hits.append(len(found))
    return times, hits


def p95(values):
    """The 95th percentile by nearest rank: with 50 values, the 48th smallest."""
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def scans(plan):
    """The scans of an EXPLAIN plan (JSON), in plan order, each named once."""
    found, todo = [], [plan]
    while todo:
        node = todo.pop(0)
        todo.extend(node.get("Plans", ()))
        if "Index Name" in node:
            found.append(f"{node['Node Type']} using {node['Index Name']}")
        elif "Relation Name" in node:
            found.append(f"{node['Node Type']} on {node['Relation Name']}")
    return ", ".join(dict.fromkeys(found))


def slowest_statement(env, function):
    """Run function once and return what it asked PostgreSQL: the number of
    statements, the rank and time (s) of the slowest, and that statement's EXPLAIN
    ANALYZE (JSON, run again) when it is a query. Statements are collected through
    the query_hooks that odoo.sql_db calls on the current thread."""
    seen = []
    thread = threading.current_thread()
    thread.query_hooks = [
        lambda _cr, q, params, _start, delay: seen.append((delay, q, params))
    ]
    try:
        env.invalidate_all()
        function()
    finally:
        del thread.query_hooks
    rank = max(range(len(seen)), key=lambda i: seen[i][0])
    delay, query, params = seen[rank]
    explained = None
    if query.lstrip().upper().startswith(("SELECT", "WITH")):
        env.cr.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query, params)
        explained = env.cr.fetchone()[0][0]
    return len(seen), rank, delay, explained


def trace(env, model, args, text, timed):
    """What one lookup asks PostgreSQL: how many statements, and the slowest one's
    time and scans."""
    count, rank, delay, explained = slowest_statement(
        env,
        lambda: model.name_search(name=text, args=args, operator="ilike", limit=8),
    )
    plan = f": {scans(explained['Plan'])}" if explained else ""
    return (
        f"{text!r} ({timed:.1f} ms), {count} statements, the slowest"
        f" (#{rank + 1}) {delay * 1000:.1f} ms when traced{plan}"
    )


def measure(env, lookups, warmup):
    """{(lookup, class): (times, hits, plan of the slowest)} for every lookup."""
    results = {}
    for label, model, args, classes in lookups:
        for queries in warmup.values():
            time_calls(env, model, args, queries)
        for cls, queries in classes.items():
            times, hits = time_calls(env, model, args, queries)
            slowest = queries[times.index(max(times))]
            sql = trace(env, model, args, slowest, max(times))
            results[label, cls] = (times, hits, sql)
    return results


def load():
    """The machine's load averages over 1, 5 and 15 minutes: others' work counts."""
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def header(env, rows, title="Lookup benchmark"):
    env.cr.execute("SHOW server_version")
    pg_version = env.cr.fetchone()[0]
    cpu = platform.processor() or platform.machine()
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo") as info:
            models = [
                line.split(":", 1)[1].strip() for line in info if "model name" in line
            ]
        cpu = models[0] if models else cpu
    print(f"# {title} of gserp_tickets on {env.cr.dbname}\n")
    print(f"- machine: {os.cpu_count()} cores ({cpu}), Odoo {version}")
    print(f"- PostgreSQL {pg_version}")
    print(f"- rows: {rows}")
    print(f"- load average at start: {load()}")


def make_lookups(env, user_env, classes):
    """[(label, model, args, classes)] of the dropdowns to time, and notes on them."""
    lookups, notes = [], []
    for label, fname, code_state in (
        ("service", "service_id", "active"),
        ("client", "partner_id", "no_service"),
    ):
        relation, args, context = field_call(user_env, fname, code_state)
        call = f"{relation}.name_search(args={args}, context={context}, limit=8)"
        if label == "client" and not context and not addon_searches_partners(env):
            notes.append(
                "client lookup (Sin Servicio Recurrente) skipped: gserp_tickets gives"
                " the ticket's partner_id no context, nor res.partner a search of its"
                f" own ({call})"
            )
            continue
        notes.append(f"{label} lookup: {call}")
        model = user_env[relation].with_context(**context)
        if relation != "gserp.service":  # a contact has no service code
            classes = {k: v for k, v in classes.items() if k != "code prefix"}
        lookups.append((label, model, args, classes))
    return lookups, notes


def main():
    own, odoo_args = split_argv(sys.argv[1:])
    count, seed, target = parse(own)
    with odoo_env(odoo_args) as env:
        env.cr.execute(
            """SELECT (SELECT count(*) FROM gserp_service),
                      (SELECT count(*) FROM gserp_service WHERE state = 'active'),
                      (SELECT count(*) FROM res_partner)"""
        )
        services, active, partners = env.cr.fetchone()
        header(env, f"{services} services ({active} active), {partners} contacts")
        user = env["res.users"].search([("login", "=", BENCH_LOGIN)])
        context = user.context_get() | {"allowed_company_ids": user.company_id.ids}
        user_env = env(user=user, context=context)
        rng = random.Random(seed)
        classes = make_queries(env, rng, count)
        warmup = make_queries(env, rng, 2)
        lookups, notes = make_lookups(env, user_env, classes)
        columns = set()
        for _label, model, _args, _classes in lookups:
            columns |= searched_columns(env, model._name, "gserp_tickets")
        indexes = search_indexes(env, columns)
        with_idx = measure(env, lookups, warmup)
        with indexes_dropped(env, indexes):
            without = measure(env, lookups, warmup)
        report(with_idx, without, indexes, columns, target, notes)


def report(with_idx, without, indexes, columns, target, notes):
    ms = "{:.1f}".format
    print(f"- searched columns: {', '.join(sorted(f'{t}.{c}' for t, c in columns))}")
    dropped = sorted(n for n, (_t, _d, drop) in indexes.items() if drop)
    kept = sorted(n for n, (_t, _d, drop) in indexes.items() if not drop)
    print(f"- indexes dropped for the no-index run: {', '.join(dropped) or 'none'}")
    if kept:
        print(f"- kept (they back a constraint): {', '.join(kept)}")
    for note in notes:
        print(f"- {note}")
    print(
        "\n| lookup | class | queries | avg rows | median ms | p95 ms "
        "| median no-index | p95 no-index | ratio p95 |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    worst = 0.0
    for (label, cls), (times, hits, _plan) in with_idx.items():
        bare = without[label, cls][0]
        worst = max(worst, p95(times))
        print(
            f"| {label} | {cls} | {len(times)} | {statistics.mean(hits):.1f} "
            f"| {ms(statistics.median(times))} | {ms(p95(times))} "
            f"| {ms(statistics.median(bare))} | {ms(p95(bare))} "
            f"| {p95(bare) / p95(times):.1f}x |"
        )
    print("\nSQL of the slowest lookup of each class, with indexes:")
    for (label, cls), (_t, _h, plan) in with_idx.items():
        print(f"- {label} / {cls}: {plan}")
    print("Without them:")
    for (label, cls), (_t, _h, plan) in without.items():
        print(f"- {label} / {cls}: {plan}")
    print(f"- load average at end: {load()}")
    verdict = "met" if worst < target else "NOT met"
    print(f"\ntarget p95 < {target} ms: {verdict} (worst p95 {ms(worst)} ms)")


if __name__ == "__main__":
    main()
