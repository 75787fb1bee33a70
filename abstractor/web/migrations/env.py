"""Alembic's environment: runs the migrations on the connection `abstractor.web.migrate` hands it."""

from alembic import context

from abstractor.web.db import Base

target_metadata = Base.metadata
connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
