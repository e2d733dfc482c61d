"""The indexes behind a name_search, and a way to do without them for a while.

searched_columns() finds the table columns that the typed text is compared with:
those of the model's _rec_names_search and display_name, and the addon's indexed
text fields on their tables;
search_indexes() finds every index on those columns, through pg_depend so that
expression indexes (trigram, unaccent) count too; indexes_dropped() removes the ones
that back no constraint for the length of a block.
"""

import contextlib

INDEX_SQL = """
SELECT i.indexrelid::regclass::text, t.relname, a.attname,
       c.oid IS NULL, pg_get_indexdef(i.indexrelid)
  FROM pg_index i
  JOIN pg_class t ON t.oid = i.indrelid
  LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid
  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum > 0 AND (
       a.attnum = ANY(i.indkey) OR EXISTS (
           SELECT 1 FROM pg_depend d
            WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid
              AND d.refobjid = i.indrelid AND d.refobjsubid = a.attnum))
 WHERE t.relname = ANY(%s)
"""


def searched_columns(env, model_name, module):
    """(table, column) pairs of the text that a lookup on the model compares.

    They are the fields of its _rec_names_search (a many2one standing for its
    comodel's own), the text fields its display_name shows (through many2one
    paths), and the indexed text fields that the addon declares on those tables:
    an addon's name_search may search them beyond _rec_names_search."""
    Model = env[model_name]
    names = list(Model._rec_names_search or [Model._rec_name])
    shown = list(Model.pool.field_depends[Model._fields["display_name"]])
    columns, models = set(), {Model}
    for path in names + shown:
        model = Model
        for fname in path.split("."):
            field = model._fields[fname]
            owner, model = model, env.get(field.comodel_name)
        if field.relational and path in names:
            columns |= searched_columns(env, field.comodel_name, module)
        elif field.store and field.type in ("char", "text"):
            columns.add((owner._table, field.name))
            models.add(owner)
    for model in models:
        columns |= {
            (model._table, field.name)
            for field in model._fields.values()
            if field.store
            and field.index
            and field.type in ("char", "text")
            and module in (field._modules or ())
        }
    return columns


def search_indexes(env, columns):
    """{name: (table, definition, droppable)} of the indexes on those columns."""
    env.cr.execute(INDEX_SQL, [sorted({t for t, _c in columns})])
    return {
        name: (table, indexdef, droppable)
        for name, table, column, droppable, indexdef in env.cr.fetchall()
        if (table, column) in columns
    }


@contextlib.contextmanager
def indexes_dropped(env, indexes):
    """Within the block, the droppable indexes are gone and the tables analyzed.

    It all happens in one transaction that is rolled back at the end, which brings
    the indexes back as they were; each is then checked, and a missing one rebuilt
    from its saved definition."""
    env.cr.commit()
    for name, (_table, _def, droppable) in indexes.items():
        if droppable:
            env.cr.execute(f'DROP INDEX "{name}"')
    for table in sorted({table for table, _d, _x in indexes.values()}):
        env.cr.execute(f'ANALYZE "{table}"')
    try:
        yield
    finally:
        env.cr.rollback()
        env.invalidate_all()
        env.cr.execute("SELECT indexname FROM pg_indexes")
        present = {row[0] for row in env.cr.fetchall()}
        for name, (_table, indexdef, _droppable) in indexes.items():
            if name not in present:
                print(f"rebuilding missing index {name}")
                env.cr.execute(indexdef)
        env.cr.commit()
