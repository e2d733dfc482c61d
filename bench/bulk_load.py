"""Bulk loading with COPY that stores what the ORM would have stored.

copy_rows() and reserve_ids() load rows fast; check_create() first creates a few of
them through the ORM (in a savepoint rolled back) and compares: a value that create()
would transform is caught before anything is loaded. complete() fills the columns
that COPY left out, by default or by the model's own compute, and check_sample()
recomputes every stored computed field on a sample of the loaded rows and compares.
A difference ends the script, and its transaction is rolled back. indexes_set_aside()
drops the indexes during the load and builds them again after.
"""

import contextlib
import io
import sys

MAGIC = ("id", "create_uid", "create_date", "write_uid", "write_date")
SAMPLE = 400
CHUNK = 50_000
BATCH = 20_000
INDEXES_SQL = """
SELECT c.relname, pg_get_indexdef(i.indexrelid)
  FROM pg_index i
  JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_class t ON t.oid = i.indrelid
 WHERE t.relname = ANY(%s)
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
"""


def norm(field, value):
    """A stored value (SQL) or a cached one (ORM) in one comparable form."""
    if field.type == "boolean":
        return bool(value)
    if hasattr(value, "_name"):
        return value.id or None
    return value if value not in (False, "") else None


def copy_rows(env, table, columns, rows):
    """COPY rows (tuples, None for NULL) into table, CHUNK rows at a time."""
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"

    def text(value):
        if value is None:
            return r"\N"
        if isinstance(value, bool):
            return "t" if value else "f"
        return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")

    buffer = io.StringIO()
    for count, row in enumerate(rows, 1):
        buffer.write("\t".join(map(text, row)) + "\n")
        if count % CHUNK == 0:
            buffer.seek(0)
            env.cr.copy_expert(sql, buffer)
            buffer = io.StringIO()
    buffer.seek(0)
    env.cr.copy_expert(sql, buffer)


def reserve_ids(env, table, count):
    """The first of count consecutive ids taken from the table's sequence."""
    env.cr.execute(f"SELECT nextval('{table}_id_seq')")
    first = env.cr.fetchone()[0]
    env.cr.execute(f"SELECT setval('{table}_id_seq', %s)", [first + count - 1])
    return first


@contextlib.contextmanager
def indexes_set_aside(env, tables):
    """The usual order of a bulk load: drop the indexes that back no constraint,
    load, then build them again from their saved definitions. It all happens in the
    caller's transaction, so a failure brings the indexes back as they were."""
    env.cr.execute(INDEXES_SQL, [list(tables)])
    saved = env.cr.fetchall()
    for name, _definition in saved:
        env.cr.execute(f'DROP INDEX "{name}"')
    yield
    env.cr.execute("SET LOCAL maintenance_work_mem = '512MB'")
    for _name, definition in saved:
        env.cr.execute(definition)
    print(f"  {len(saved)} indexes built again")


def check_create(env, model, columns, rows):
    """Create rows through the ORM, in a savepoint rolled back, and compare what it
    stores with the rows as COPY will load them."""
    Model = env[model].with_context(tracking_disable=True)
    fields = [Model._fields[c] for c in columns if c not in MAGIC]
    given = [f.name for f in fields if not f.compute]
    env.flush_all()
    env.cr.execute("SAVEPOINT bench_check_create")
    try:
        vals_list = [dict(zip(columns, row, strict=True)) for row in rows]
        records = Model.create([{c: v[c] for c in given} for v in vals_list])
        env.flush_all()
        names = ", ".join(f'"{f.name}"' for f in fields)
        env.cr.execute(
            f'SELECT id, {names} FROM "{Model._table}" WHERE id = ANY(%s) ORDER BY id',
            [records.ids],
        )
        stored = env.cr.fetchall()
    finally:
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_check_create")
        env.invalidate_all()
    wrong = []
    for row, (new_id, *values) in zip(rows, stored, strict=True):
        loaded = dict(zip(columns, row, strict=True))
        for field, value in zip(fields, values, strict=True):
            expected = loaded[field.name]
            if field.comodel_name == model and expected == loaded["id"]:
                expected = new_id  # a reference to the row itself
            if norm(field, expected) != norm(field, value):
                wrong.append(f"{model}.{field.name}: COPY {expected!r}, ORM {value!r}")
    if wrong:
        sys.exit("COPY would store other values than create():\n" + "\n".join(wrong))
    print(f"  {model}: {len(rows)} rows created by the ORM match the COPY rows")


def complete(env, model, first, count, written, left_empty=()):
    """Fill the stored columns that COPY left out, the way the ORM would."""
    Model = env[model]
    records = Model.browse(range(first, first + count))
    missing = [
        f
        for f in Model._fields.values()
        if f.store and f.column_type and f.name not in written
    ]
    defaults = Model.default_get([f.name for f in missing if not f.compute])
    for fname, value in defaults.items():
        if isinstance(value, str | int | float | bool):
            table = Model._table
            env.cr.execute(
                f'UPDATE "{table}" SET "{fname}" = %s WHERE id BETWEEN %s AND %s',
                [value, first, first + count - 1],
            )
            print(f"  {model}.{fname}: default {value!r}")
    for field in missing:
        if field.compute and field.name not in left_empty:
            print(f"  {model}.{field.name}: computed by the ORM on every row")
            for lo in range(0, count, BATCH):
                env.add_to_compute(field, records[lo : lo + BATCH])
                env.flush_all()
                env.invalidate_all()


def check_sample(env, rng, model, first, count, skip=()):
    """Recompute every stored computed field (but those named in skip) on a sample
    and compare."""
    Model = env[model]
    fields = [
        f
        for f in Model._fields.values()
        if f.store and f.column_type and f.compute and f.name not in skip
    ]
    if not fields:
        print(f"  {model}: no stored computed field to check")
        return
    ids = sorted(rng.sample(range(first, first + count), min(SAMPLE, count)))
    names = ", ".join(f'"{f.name}"' for f in fields)
    env.flush_all()
    env.cr.execute(
        f'SELECT id, {names} FROM "{Model._table}" WHERE id = ANY(%s)', [ids]
    )
    loaded = {row[0]: row[1:] for row in env.cr.fetchall()}
    env.invalidate_all()
    records = Model.browse(ids)
    for field in fields:
        env.add_to_compute(field, records)

    wrong = [
        f"{model}({rec.id}).{f.name}: loaded {loaded[rec.id][i]!r}, ORM {rec[f.name]!r}"
        for rec in records
        for i, f in enumerate(fields)
        if norm(f, loaded[rec.id][i]) != norm(f, rec[f.name])
    ]
    if wrong:
        sys.exit("fill differs from the ORM:\n" + "\n".join(wrong[:20]))
    print(f"  {model}: {len(fields)} stored computed fields match on {len(ids)} rows")
