"""Alembic environment: migrations run on the engine that db.migrate hands over.

Run through `flask --app wsgi db upgrade` (see README); plain `alembic` is not needed.
"""

from __future__ import annotations

from alembic import context

from app.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes.get("engine")
    if engine is None:
        from app import create_app
        from app.database import current_database

        with create_app().app_context():
            engine = current_database().engine
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
