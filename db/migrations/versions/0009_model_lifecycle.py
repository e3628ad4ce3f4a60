"""Model lifecycle (issue 12 §1, §4): published versions, approvals, shadow challenger scores.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 22:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "model_versions",
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("algorithm", sa.String(length=64), nullable=True),
        sa.Column("artefact_file", sa.String(length=64), nullable=False),
        sa.Column("artefact", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("metadata_file", sa.LargeBinary(), nullable=False),
        sa.Column("manifest", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["published_by"],
            ["users.id"],
            name=op.f("fk_model_versions_published_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_model_versions")),
    )
    op.create_table(
        "model_approvals",
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("approved_by", sa.Uuid(), nullable=True),
        sa.Column("approver", sa.String(length=254), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["version"],
            ["model_versions.version"],
            name=op.f("fk_model_approvals_version_model_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["approved_by"],
            ["users.id"],
            name=op.f("fk_model_approvals_approved_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_model_approvals")),
    )
    with op.batch_alter_table("score_records") as batch:
        batch.add_column(sa.Column("challenger_version", sa.String(64), nullable=True))
        batch.add_column(sa.Column("challenger_probability", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("score_records") as batch:
        batch.drop_column("challenger_probability")
        batch.drop_column("challenger_version")
    op.drop_table("model_approvals")
    op.drop_table("model_versions")
