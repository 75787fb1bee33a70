"""Bring the database to the newest schema: `alembic upgrade head`, run in-process on start-up."""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(**kwargs) -> Config:
    config = Config(**kwargs)
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine) -> None:
    """Apply every migration the database has not had yet."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def offline_sql(url: str) -> str:
    """The migrations as SQL for the database `url` names (its dialect only; nothing connects)."""
    buffer = io.StringIO()
    config = _config(output_buffer=buffer)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head", sql=True)
    return buffer.getvalue()


def open_database(url: str):
    """A session factory for the database at `url`, migrated to the newest schema first."""
    from abstractor.web.db import make_engine, session_factory

    engine = make_engine(url)
    upgrade(engine)
    return session_factory(engine)
