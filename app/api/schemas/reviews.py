"""Request and response bodies of the human review queue (issue 13 §1)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.api.schemas.requests import STRICT
from app.services.decisions import MAX_JUSTIFICATION
from app.services.reviews import MAX_CLIENT_VIEW, MAX_PAGE, MAX_PER_PAGE

Reason = Literal["referred", "client_request"]


class ReviewRequestBody(BaseModel):
    model_config = STRICT
    client_view: str | None = Field(
        default=None,
        max_length=MAX_CLIENT_VIEW,
        description="The client's point of view, in their words (optional).",
    )


class ReviewQueueQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: Reason | None = Field(default=None, description="Only cases opened for this reason.")
    overdue: bool | None = Field(
        default=None, description="true: only cases past their due date; false: only the others."
    )
    page: int = Field(default=1, ge=1, le=MAX_PAGE)
    per_page: int = Field(default=50, ge=1, le=MAX_PER_PAGE)


class ReviewDecisionRequest(BaseModel):
    model_config = STRICT
    decision: Literal["approve", "decline"]
    justification: str = Field(
        max_length=MAX_JUSTIFICATION,
        description="Always required: at least JUSTIFICATION_MIN_LENGTH (20) characters after "
        "trimming.",
    )


class ReviewItem(BaseModel):
    client_id: str
    reason: Reason
    since: str = Field(description="When the client joined the queue (UTC).")
    due: str = Field(description="since + REVIEW_DUE_DAYS (one month, GDPR Art. 12(3)).")
    overdue: bool
    referred_by: str | None = Field(description="Who referred the client or recorded the request.")
    referred_by_email: str | None
    justification: str | None = Field(description="The referring adviser's justification.")
    client_view: str | None = Field(description="The client's point of view, if given.")


class ReviewCaseEntry(ReviewItem):
    closed_at: str | None
    closed_by_email: str | None
    outcome: Literal["approve", "decline"] | None
    review_justification: str | None


class ReviewQueueResponse(BaseModel):
    items: list[ReviewItem]
    total: int
    page: int
    per_page: int
