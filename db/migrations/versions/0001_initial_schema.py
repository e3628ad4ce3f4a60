"""Initial schema: users, clients (with the feature CHECK constraints), scores, decisions, audit.

The ranges are a deliberate copy of modelling/features.py (a migration is a snapshot in time);
tests/test_migrations.py checks that the migrated schema matches the models.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 11:02:11.402105
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("model_version", sa.String(length=64), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index(op.f("ix_audit_events_action"), "audit_events", ["action"], unique=False)
    op.create_index(
        "ix_audit_events_actor_id_created_at",
        "audit_events",
        ["actor_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_audit_events_client_id_created_at",
        "audit_events",
        ["client_id", "created_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_audit_events_created_at"), "audit_events", ["created_at"], unique=False
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column(
            "role", sa.Enum("adviser", "supervisor", "admin", name="user_role"), nullable=False
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "clients",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("adviser_id", sa.Uuid(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=False),
        sa.Column("income", sa.Numeric(precision=12, scale=2, asdecimal=False), nullable=False),
        sa.Column("seniority", sa.Numeric(precision=5, scale=2, asdecimal=False), nullable=False),
        sa.Column("incidents", sa.Integer(), nullable=False),
        sa.Column("credit_score", sa.Integer(), nullable=False),
        sa.Column("data_updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("age >= 18 AND age <= 100", name=op.f("ck_clients_age_range")),
        sa.CheckConstraint(
            "credit_score >= 300 AND credit_score <= 850",
            name=op.f("ck_clients_credit_score_range"),
        ),
        sa.CheckConstraint(
            "incidents >= 0 AND incidents <= 100", name=op.f("ck_clients_incidents_range")
        ),
        sa.CheckConstraint(
            "income >= 0 AND income <= 10000000", name=op.f("ck_clients_income_range")
        ),
        sa.CheckConstraint("seniority <= age - 14", name=op.f("ck_clients_seniority_within_age")),
        sa.CheckConstraint(
            "seniority >= 0 AND seniority <= 86", name=op.f("ck_clients_seniority_range")
        ),
        sa.ForeignKeyConstraint(
            ["adviser_id"],
            ["users.id"],
            name=op.f("fk_clients_adviser_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
    )
    op.create_index("ix_clients_adviser_age", "clients", ["adviser_id", "age"], unique=False)
    op.create_index(
        "ix_clients_adviser_credit_score", "clients", ["adviser_id", "credit_score"], unique=False
    )
    op.create_index(
        "ix_clients_adviser_data_updated_at",
        "clients",
        ["adviser_id", "data_updated_at"],
        unique=False,
    )
    op.create_index(
        "ix_clients_adviser_incidents", "clients", ["adviser_id", "incidents"], unique=False
    )
    op.create_index("ix_clients_adviser_income", "clients", ["adviser_id", "income"], unique=False)
    op.create_index(
        "ix_clients_adviser_seniority", "clients", ["adviser_id", "seniority"], unique=False
    )
    op.create_index("ix_clients_data_updated_at", "clients", ["data_updated_at"], unique=False)
    op.create_table(
        "score_records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=True),
        sa.Column("requested_by", sa.Uuid(), nullable=True),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=True),
        sa.Column("recommendation", sa.String(length=32), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=True),
        sa.Column("model_version", sa.String(length=64), nullable=True),
        sa.Column("explanation", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_score_records_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"],
            ["users.id"],
            name=op.f("fk_score_records_requested_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_records")),
    )
    op.create_index(
        "ix_score_records_client_id_created_at",
        "score_records",
        ["client_id", "created_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_score_records_created_at"), "score_records", ["created_at"], unique=False
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("score_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("adviser_id", sa.Uuid(), nullable=True),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("justification", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "decision IN ('approve', 'decline', 'refer')", name=op.f("ck_decisions_decision_value")
        ),
        sa.ForeignKeyConstraint(
            ["adviser_id"],
            ["users.id"],
            name=op.f("fk_decisions_adviser_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_decisions_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["score_id"],
            ["score_records.id"],
            name=op.f("fk_decisions_score_id_score_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    op.create_index(
        "ix_decisions_client_id_created_at", "decisions", ["client_id", "created_at"], unique=False
    )
    op.create_index(op.f("ix_decisions_created_at"), "decisions", ["created_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_decisions_created_at"), table_name="decisions")
    op.drop_index("ix_decisions_client_id_created_at", table_name="decisions")
    op.drop_table("decisions")
    op.drop_index(op.f("ix_score_records_created_at"), table_name="score_records")
    op.drop_index("ix_score_records_client_id_created_at", table_name="score_records")
    op.drop_table("score_records")
    op.drop_index("ix_clients_data_updated_at", table_name="clients")
    op.drop_index("ix_clients_adviser_seniority", table_name="clients")
    op.drop_index("ix_clients_adviser_income", table_name="clients")
    op.drop_index("ix_clients_adviser_incidents", table_name="clients")
    op.drop_index("ix_clients_adviser_data_updated_at", table_name="clients")
    op.drop_index("ix_clients_adviser_credit_score", table_name="clients")
    op.drop_index("ix_clients_adviser_age", table_name="clients")
    op.drop_table("clients")
    op.drop_table("users")
    sa.Enum(name="user_role").drop(op.get_bind(), checkfirst=True)
    op.drop_index(op.f("ix_audit_events_created_at"), table_name="audit_events")
    op.drop_index("ix_audit_events_client_id_created_at", table_name="audit_events")
    op.drop_index("ix_audit_events_actor_id_created_at", table_name="audit_events")
    op.drop_index(op.f("ix_audit_events_action"), table_name="audit_events")
    op.drop_table("audit_events")
