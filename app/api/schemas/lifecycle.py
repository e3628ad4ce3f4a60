"""Request and response bodies of the model lifecycle routes (issue 12 §1, §4)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.api.schemas import responses as rs
from app.api.schemas.requests import STRICT
from app.services.lifecycle import MAX_NOTE, MAX_REFERENCE

VERSION_EXAMPLE = "20261203T120000Z-1a2b3c4"


class Approval(BaseModel):
    by: str = Field(description='The approving administrator\'s e-mail, or "system".')
    at: str = Field(description="When (ISO 8601, UTC).")
    note: str
    reference: str | None = Field(description="The validation report's reference, if given.")


class ModelVersionEntry(rs.ModelVersion):
    approval: Approval | None = Field(description="null: not approved, never served.")


class ModelVersionList(BaseModel):
    items: list[ModelVersionEntry]


class ActiveModelEntry(rs.ActiveModel):
    approval: Approval | None = Field(description="null: not approved (not served in production).")


class ApprovalRequest(BaseModel):
    model_config = STRICT
    note: str = Field(
        min_length=1, max_length=MAX_NOTE, description="What was checked, in a sentence or two."
    )
    reference: str | None = Field(
        default=None,
        max_length=MAX_REFERENCE,
        description="The validation report's reference (optional).",
    )


class VersionRequest(BaseModel):
    model_config = STRICT
    version: str = Field(min_length=1, max_length=64, examples=[VERSION_EXAMPLE])


class ApprovalResponse(BaseModel):
    version: str
    approval: Approval


class ModelChoice(BaseModel):
    active: str | None = Field(description="The version every instance serves.")
    challenger: str | None = Field(description="The version scored in shadow; null: none.")
