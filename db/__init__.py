"""Database migrations (Alembic) and seed helpers."""
