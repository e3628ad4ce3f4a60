"""The human review queue (issue 13 §1).

One case per referral ("refer") or client's request for human review (GDPR Art. 22(3)); the
clients already awaiting review (an open request, or a latest decision "refer") get their case.
Decisions also record whether their author had opened the explanation first (CJEU C-634/21).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 22:20:00
"""

from __future__ import annotations

import uuid
from datetime import UTC, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


OPEN = sa.text("closed_at IS NULL")
DUE_DAYS = 30  # the REVIEW_DUE_DAYS default, for the cases opened before the queue existed


def upgrade() -> None:
    cases = op.create_table(
        "review_cases",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("referred_by", sa.Uuid(), nullable=True),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("justification", sa.Text(), nullable=True),
        sa.Column("client_view", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("review_justification", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "reason IN ('referred', 'client_request')", name=op.f("ck_review_cases_reason_value")
        ),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('approve', 'decline')",
            name=op.f("ck_review_cases_outcome_value"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_review_cases_client_id_clients"),
            ondelete="CASCADE",
        ),
        *(
            sa.ForeignKeyConstraint(
                [column],
                ["users.id"],
                name=op.f(f"fk_review_cases_{column}_users"),
                ondelete="SET NULL",
            )
            for column in ("referred_by", "decided_by", "closed_by")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_cases")),
    )
    op.create_index(
        "ix_review_cases_open_since",
        "review_cases",
        ["since"],
        postgresql_where=OPEN,
        sqlite_where=OPEN,
    )
    op.create_index(
        "ix_review_cases_open_client",
        "review_cases",
        ["client_id"],
        unique=True,
        postgresql_where=OPEN,
        sqlite_where=OPEN,
    )
    op.create_index("ix_review_cases_client_closed_at", "review_cases", ["client_id", "closed_at"])
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("explanation_opened", sa.Boolean(), nullable=True))
    op.bulk_insert(cases, _waiting_cases(op.get_bind()))


def _waiting_cases(connection) -> list[dict]:
    """A case for each client already awaiting review: an open request, or referred."""
    clients = sa.table(
        "clients",
        sa.column("id", sa.Uuid()),
        sa.column("review_requested_at", sa.DateTime(timezone=True)),
    )
    decisions = sa.table(
        "decisions",
        sa.column("id", sa.Uuid()),
        sa.column("client_id", sa.Uuid()),
        sa.column("adviser_id", sa.Uuid()),
        sa.column("decision", sa.String()),
        sa.column("justification", sa.Text()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    latest = {}
    rows = connection.execute(
        sa.select(decisions).order_by(decisions.c.created_at, decisions.c.id)
    ).mappings()
    for row in rows:
        latest[row["client_id"]] = row
    waiting = {}
    for client_id, decision in latest.items():
        if decision["decision"] == "refer":
            waiting[client_id] = {
                "reason": "referred",
                "since": decision["created_at"],
                "referred_by": decision["adviser_id"],
                "decided_by": decision["adviser_id"],
                "justification": decision["justification"],
            }
    requested = connection.execute(
        sa.select(clients.c.id, clients.c.review_requested_at).where(
            clients.c.review_requested_at.is_not(None)
        )
    )
    for client_id, since in requested:
        decided_by = latest[client_id]["adviser_id"] if client_id in latest else None
        waiting.setdefault(
            client_id,
            {
                "reason": "client_request",
                "since": since,
                "referred_by": None,
                "decided_by": decided_by,
                "justification": None,
            },
        )
    result = []
    for client_id, case in waiting.items():
        since = case["since"] if case["since"].tzinfo else case["since"].replace(tzinfo=UTC)
        result.append(
            case
            | {
                "id": uuid.uuid4(),
                "client_id": client_id,
                "since": since,
                "due": since + timedelta(days=DUE_DAYS),
                "client_view": None,
            }
        )
    return result


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("explanation_opened")
    op.drop_index("ix_review_cases_client_closed_at", table_name="review_cases")
    op.drop_index("ix_review_cases_open_client", table_name="review_cases")
    op.drop_index("ix_review_cases_open_since", table_name="review_cases")
    op.drop_table("review_cases")
