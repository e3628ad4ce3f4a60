"""Portfolio jobs and the audit chain without a global lock (issue 14).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 22:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # --- S1: portfolio jobs (issue 14 §4): a job, its chunks by client id range ---------------
    op.create_table(
        "portfolio_jobs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("requested_by", sa.Uuid(), nullable=True),
        sa.Column("model_version", sa.String(length=64), nullable=True),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("chunks_total", sa.Integer(), nullable=False),
        sa.Column("clients_total", sa.Integer(), nullable=False),
        sa.Column("runner", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('rescore')", name=op.f("ck_portfolio_jobs_kind_value")),
        sa.ForeignKeyConstraint(
            ["requested_by"],
            ["users.id"],
            name=op.f("fk_portfolio_jobs_requested_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portfolio_jobs")),
    )
    op.create_index("ix_portfolio_jobs_created_at", "portfolio_jobs", ["created_at"])
    op.create_table(
        "job_chunks",
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("first_id", sa.Uuid(), nullable=True),
        sa.Column("end_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("clients", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'done', 'failed')", name=op.f("ck_job_chunks_status_value")
        ),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["portfolio_jobs.id"],
            name=op.f("fk_job_chunks_job_id_portfolio_jobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("job_id", "seq", name=op.f("pk_job_chunks")),
    )
    # --- end S1 -------------------------------------------------------------------------------
    # --- P: the portfolio (issue 13 §2): the whole bank's list, riskiest first, and its count
    # of high risk read an index on the probability (the other indexes start with the adviser).
    op.create_index("ix_clients_probability", "clients", ["probability"])
    # --- end P ---------------------------------------------------------------------------------


def downgrade() -> None:
    # --- P ---
    op.drop_index("ix_clients_probability", table_name="clients")
    # --- end P ---
    # --- S1 ---
    op.drop_table("job_chunks")
    op.drop_index("ix_portfolio_jobs_created_at", table_name="portfolio_jobs")
    op.drop_table("portfolio_jobs")
    # --- end S1 ---
