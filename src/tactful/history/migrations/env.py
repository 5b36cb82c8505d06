"""Alembic's environment for the history tables.

Tactful runs it itself (`tactful.history.store`), handing over an open connection in
``config.attributes["connection"]``; there is no alembic.ini. To write a new migration, from the
repository root:

    .venv/bin/python -c "from alembic import command; from tactful.history.store import alembic_config; \
command.revision(alembic_config('sqlite:////tmp/x.db'), 'what changed', autogenerate=True)"

(upgrade that database to head first, so that autogenerate compares against the current schema).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from tactful.history.tables import Base

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=config.get_main_option("version_table"),
        # SQLite cannot ALTER most things: batch mode copies the table, the same migration serves both.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("tactful's history migrations run online only")
connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as opened:
        _run(opened)
    engine.dispose()
