"""Fill a database with the contacts and services of the lookup benchmark.

    python bench/fill_lookup.py [--contacts N] [--services N] [--seed S] -- ODOO_OPTS

Rows are made in Python (bench/ec_data.py) and loaded with COPY (bench/bulk_load.py),
far faster than 600,000 create() calls through the ORM. Each stored column that the
ORM fills on create is filled here too, with the value it would get:
- the ones this script writes itself (names, tax IDs, the partner's complete_name,
  commercial_partner_id = itself, the service's code, state, province, city...);
- the remaining stored computed fields: NULL where their compute gives nothing for
  such rows (LEFT_EMPTY), else (a field the addon adds, like a search key) the
  model's own compute, run by the ORM on every row;
- the remaining plain fields: their default, if they have one.
Before loading, the first CHECKED rows of each model are also created through the
ORM and compared; after, every stored computed field is recomputed by the ORM on a
sample of rows and compared. A difference stops the fill, and nothing is kept.
The tables' indexes are dropped during the load and built again after it.
Chatter messages and followers, which the lookup never reads, are not made: the
rows look like an import done with mail_create_nolog. A system parameter records
what was loaded, so that running again on the same database does nothing.
"""

import datetime
import random
import sys
import time

import ec_data
from bulk_load import (
    MAGIC,
    check_create,
    check_sample,
    complete,
    copy_rows,
    indexes_set_aside,
    reserve_ids,
)
from odoo_env import autocommit_execute, odoo_env, parse_int_options, split_argv

MARKER = "bench_lookup.filled"
BENCH_LOGIN = "bench_operator"
# Stored computed fields whose compute gives nothing for rows without parent, users,
# phones or overrides: NULL, as the ORM would store (the sample check proves it).
CHECKED = 25  # rows of each model also created through the ORM, for comparison
LEFT_EMPTY = {
    "res.partner": {"user_id", "company_registry", "phone_sanitized"},
    "gserp.service": set(),
}


def parse(argv):
    defaults = {"--contacts": 300_000, "--services": 300_000, "--seed": 2025}
    return parse_int_options(argv, defaults)


def make_refs(env):
    """Records the rows point to, made through the ORM: zones and the bench user."""
    ec = env.ref("base.ec")
    states = env["res.country.state"].search([("country_id", "=", ec.id)])
    Zone = env["gserp.zone"]
    regions = {region for _w, region, _c in ec_data.PROVINCES.values()}
    attention = {r: Zone.create({"name": r, "zone_type": "attention"}) for r in regions}
    service = [
        Zone.create({"name": name, "zone_type": "service"})
        for name in ("Norte", "Centro", "Sur", "Valles")
    ]
    es_ec = "es_EC" if env["res.lang"]._lang_get("es_EC") else "en_US"
    env["res.users"].create(
        {
            "name": "Operador Benchmark",
            "login": BENCH_LOGIN,
            "lang": es_ec,
            "tz": "America/Guayaquil",
            "groups_id": [
                (6, 0, [env.ref("gserp_tickets.group_gserp_tickets_user").id])
            ],
        }
    )
    return {
        "country": ec.id,
        "states": {s.code: s.id for s in states},
        "attention": {r: z.id for r, z in attention.items()},
        "service_zones": [z.id for z in service],
        "lang": es_ec,
        "uid": env.ref("base.user_admin").id,
        "company": env.company.id,
    }


def load_contacts(env, refs, contacts, now):
    first = reserve_ids(env, "res_partner", len(contacts))
    columns = (
        *MAGIC,
        *"name complete_name vat email email_normalized city state_id".split(),
        *"country_id lang tz type is_company active commercial_partner_id".split(),
        *"commercial_company_name partner_share".split(),
    )
    rows = [
        (
            *(first + i, refs["uid"], now, refs["uid"], now),
            *(c.name, c.name, c.vat, c.email, c.email, c.city),
            *(refs["states"][c.province], refs["country"], refs["lang"]),
            *("America/Guayaquil", "contact", c.is_company, True, first + i),
            *(c.name if c.is_company else None, True),
        )
        for i, c in enumerate(contacts)
    ]
    check_create(env, "res.partner", columns, rows[:CHECKED])
    copy_rows(env, "res_partner", columns, rows)
    return first, columns


def load_services(env, rng, refs, contacts, first_partner, count, now):
    """count services of the contacts that have a tax ID: three in four of those
    get one, the rest go to random clients, companies more often than people."""
    clients = [i for i, c in enumerate(contacts) if c.vat]
    rng.shuffle(clients)
    owners = clients[: min(count, len(clients) * 3 // 4)]
    companies = [i for i in clients if contacts[i].is_company] or clients
    while len(owners) < count:
        owners.append(rng.choice(companies if rng.random() < 0.5 else clients))
    first = reserve_ids(env, "gserp_service", count)
    codes = ec_data.service_codes(rng, count)
    start = datetime.datetime(2012, 1, 1)
    columns = (
        *MAGIC,
        *"code partner_id state province_id city service_zone_id".split(),
        *"attention_zone_id responsible_phone start_datetime company_id active".split(),
    )

    def make_rows():
        for i, (code, owner) in enumerate(zip(codes, owners, strict=True)):
            province, city = ec_data.province_of(rng, contacts[owner])
            region = ec_data.PROVINCES[province][1]
            state = rng.choices(("active", "inactive", "suspended"), (75, 15, 10))[0]
            began = start + datetime.timedelta(minutes=rng.randrange(7_000_000))
            yield (
                *(first + i, refs["uid"], now, refs["uid"], now),
                code,
                first_partner + owner,
                state,
                refs["states"][province],
                city,
                rng.choice(refs["service_zones"]),
                refs["attention"][region],
                ec_data.mobile(rng),
                began,
                refs["company"],
                rng.random() < 0.97,
            )

    rows = list(make_rows())
    check_create(env, "gserp.service", columns, rows[:CHECKED])
    copy_rows(env, "gserp_service", columns, rows)
    return first, columns


class Steps:
    """Prints each step of the fill with the seconds it took."""

    def __init__(self):
        self.start = self.last = time.perf_counter()

    def done(self, what):
        now = time.perf_counter()
        print(f"{what}: {now - self.last:.1f} s")
        self.last = now


def main():
    own, odoo_args = split_argv(sys.argv[1:])
    n_contacts, n_services, seed = parse(own)
    wanted = f"contacts={n_contacts} services={n_services} seed={seed}"
    steps = Steps()
    with odoo_env(odoo_args) as env:
        done = env["ir.config_parameter"].get_param(MARKER)
        if done == wanted:
            print(f"Database already filled ({done}): reused")
            return
        if done:
            sys.exit(f"database filled with {done}, not {wanted}: run with --fresh")
        now = datetime.datetime.now().replace(microsecond=0)
        rng = random.Random(seed)
        refs = make_refs(env)
        env.flush_all()
        contacts = list(ec_data.contacts(rng, n_contacts))
        steps.done(f"{n_contacts} contacts made, each tax ID checked with stdnum")
        with indexes_set_aside(env, ("res_partner", "gserp_service")):
            first_p, cols_p = load_contacts(env, refs, contacts, now)
            steps.done("contacts loaded with COPY")
            first_s, cols_s = load_services(
                env, rng, refs, contacts, first_p, n_services, now
            )
            steps.done(f"{n_services} services made and loaded with COPY")
            env.invalidate_all()
            for model, first, count, columns in (
                ("res.partner", first_p, n_contacts, cols_p),
                ("gserp.service", first_s, n_services, cols_s),
            ):
                complete(env, model, first, count, columns, LEFT_EMPTY[model])
            steps.done("other columns filled")
        steps.done("indexes built")
        check_sample(env, rng, "res.partner", first_p, n_contacts)
        check_sample(env, rng, "gserp.service", first_s, n_services)
        env["ir.config_parameter"].set_param(MARKER, wanted)
    steps.done("sample checked against the ORM, committed")
    autocommit_execute("VACUUM ANALYZE res_partner, gserp_service")
    steps.done("VACUUM ANALYZE")
    total = time.perf_counter() - steps.start
    print(f"Filled ({wanted}) in {total:.0f} s")


if __name__ == "__main__":
    main()
