"""The web app's Alembic migrations, applied on start-up (`abstractor serve`)."""
