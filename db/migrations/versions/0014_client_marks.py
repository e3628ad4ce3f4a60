"""The portfolio's two marks kept on the client (issue 13 §2): `clients.last_decision_at` and
`clients.review_open`, indexed with the adviser, backfilled from the decisions and the open
review cases (services/client_marks keeps them from then on); and an index on each feature alone,
for the whole bank's portfolio sorted by that feature (supervisors).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 02:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

FEATURES = ("age", "income", "seniority", "incidents", "credit_score")

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# As each backend renders `where(Client.review_open)`, so that its planner uses the index.
REVIEW_OPEN = {
    "postgresql_where": sa.text("review_open"),
    "sqlite_where": sa.text("review_open = 1"),
}


INDEXES = (
    "ix_clients_adviser_last_decision_at",
    "ix_clients_last_decision_at",
    "ix_clients_adviser_review_open",
    *(f"ix_clients_{feature}" for feature in FEATURES),
)


def upgrade() -> None:
    op.add_column("clients", sa.Column("last_decision_at", sa.DateTime(timezone=True)))
    op.add_column(
        "clients",
        sa.Column("review_open", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    _backfill(op.get_bind())
    op.create_index(
        "ix_clients_adviser_last_decision_at", "clients", ["adviser_id", "last_decision_at"]
    )
    op.create_index("ix_clients_last_decision_at", "clients", ["last_decision_at"])
    op.create_index("ix_clients_adviser_review_open", "clients", ["adviser_id"], **REVIEW_OPEN)
    for feature in FEATURES:
        op.create_index(f"ix_clients_{feature}", "clients", [feature])
    _statistics(op.get_bind())


def _statistics(connection) -> None:
    """Planner statistics for the new columns and indexes. On SQLite, a store analysed before
    (sqlite_stat1) that lacked them would take an index without statistics for the best one
    (its default guess is about ten rows per adviser) and sort each portfolio to list it."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("ANALYZE clients")
        return
    analysed = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).first()
    if analysed:
        for name in INDEXES:
            connection.exec_driver_sql(f"ANALYZE {name}")


def _backfill(connection) -> None:
    """One set-based UPDATE each (UPDATE ... FROM on both backends: SQLite 3.33 and later)."""
    clients = sa.table(
        "clients",
        sa.column("id", sa.Uuid()),
        sa.column("last_decision_at", sa.DateTime(timezone=True)),
        sa.column("review_open", sa.Boolean()),
    )
    decisions = sa.table(
        "decisions",
        sa.column("client_id", sa.Uuid()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    cases = sa.table(
        "review_cases", sa.column("client_id", sa.Uuid()), sa.column("closed_at", sa.DateTime())
    )
    latest = (
        sa.select(decisions.c.client_id, sa.func.max(decisions.c.created_at).label("at"))
        .group_by(decisions.c.client_id)
        .subquery()
    )
    connection.execute(
        sa.update(clients)
        .where(clients.c.id == latest.c.client_id)
        .values(last_decision_at=latest.c.at)
    )
    queued = sa.select(cases.c.client_id).where(cases.c.closed_at.is_(None))
    connection.execute(
        sa.update(clients).where(clients.c.id.in_(queued)).values(review_open=sa.true())
    )


def downgrade() -> None:
    for feature in FEATURES:
        op.drop_index(f"ix_clients_{feature}", table_name="clients")
    op.drop_index("ix_clients_adviser_review_open", table_name="clients")
    op.drop_index("ix_clients_last_decision_at", table_name="clients")
    op.drop_index("ix_clients_adviser_last_decision_at", table_name="clients")
    with op.batch_alter_table("clients") as batch:
        batch.drop_column("review_open")
        batch.drop_column("last_decision_at")
