"""Alembic's environment: runs the migrations on the connection `abstractor.web.migrate` hands it, or writes
them as SQL for a database administrator (`offline_sql`)."""

from alembic import context

from abstractor.web.db import Base

target_metadata = Base.metadata
if context.is_offline_mode():
    context.configure(url=context.config.get_main_option("sqlalchemy.url"), literal_binds=True)
else:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
