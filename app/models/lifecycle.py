"""The model's life after training (issue 12 §1): versions published for every instance, and
the approvals that let a version be served."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow

# An approval's limits (the reference column holds 200 characters) and the approver an automatic
# approval records; the service checks them, the model page's form announces them.
MAX_NOTE, MAX_REFERENCE = 2_000, 200
SYSTEM = "system"


class PublishedModel(Base):
    """A registry version's files, byte for byte, so an instance without it can load it (the
    signed manifest and the sha256 are checked again on load)."""

    __tablename__ = "model_versions"

    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    algorithm: Mapped[str | None] = mapped_column(String(64))
    artefact_file: Mapped[str] = mapped_column(String(64))
    artefact: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))  # the artefact's
    metadata_file: Mapped[bytes] = mapped_column(LargeBinary)  # metadata.json as written
    manifest: Mapped[str] = mapped_column(Text)  # manifest.json (HMAC-signed)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_by: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )


class ModelApproval(Base):
    """Who approved a version for service, when, why, and the artefact's sha256 they approved.
    `approved_by` is null for the development's automatic approval (the system)."""

    __tablename__ = "model_approvals"

    version: Mapped[str] = mapped_column(
        String(64), ForeignKey("model_versions.version", ondelete="CASCADE"), primary_key=True
    )
    approved_by: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="SET NULL")
    )
    approver: Mapped[str] = mapped_column(String(254))  # the e-mail at approval, or "system"
    note: Mapped[str] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(String(MAX_REFERENCE))
    sha256: Mapped[str] = mapped_column(String(64))
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
