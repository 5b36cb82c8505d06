"""Where the history lives and how it is brought up to date: the URL, the engine, Alembic's migrations.

The schema is Alembic's to manage: the first use of a store brings the database to the newest revision,
so a fresh file and one written by an older Tactful both work.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0001"  # the newest file in migrations/versions; tests/test_history.py keeps the two in step
VERSION_TABLE = "tactful_alembic_version"  # not alembic_version: a shared database may hold other apps'
MIGRATIONS = Path(__file__).with_name("migrations")
CONNECT_TIMEOUT = 10  # seconds: an unreachable shared server must not hold up `tactful draft` for long


class HistoryError(RuntimeError):
    """The history database cannot be opened, migrated, read or written (one line, no password)."""


def default_url() -> str:
    """``TACTFUL_DATABASE_URL``, else ``tactful.db`` in the user's data directory."""
    if url := os.environ.get("TACTFUL_DATABASE_URL"):
        return url
    import platformdirs

    return f"sqlite:///{Path(platformdirs.user_data_dir('tactful')) / 'tactful.db'}"


def normalize_url(url: str) -> str:
    """A bare path means a SQLite file; a plain postgresql:// URL uses psycopg 3, the driver we test."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def shown(url: str) -> str:
    """The URL for messages: the password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return "(unreadable database URL)"


def alembic_config(url: str) -> Config:
    """Alembic's configuration without an ini file: the scripts inside the package, our version table."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.set_main_option("version_table", VERSION_TABLE)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def connect(url: str) -> Engine:
    """An engine on ``url`` (a SQLite file's directory is created), its schema at the newest revision."""
    parsed = make_url(url)
    connect_args: dict[str, object] = {}
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    elif parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT
    engine = create_engine(parsed, connect_args=connect_args)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def migrate(engine: Engine) -> None:
    """Upgrade to head unless already there. Reading the version first spares each command the import of
    Alembic (a tenth of a second) once the database is current."""
    with engine.connect() as connection:  # an unreachable server fails here, once
        try:
            current = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        except SQLAlchemyError:  # no version table yet: a fresh database
            current = None
    if current == HEAD:
        return
    from alembic import command

    with engine.begin() as connection:
        # Two first runs at once (two teammates, the UI and a command) must not both create the tables:
        # one migrates, the other waits for it and finds the database current.
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(7318050)"))
        elif connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # pysqlite would begin only at the first insert
        config = alembic_config(engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
