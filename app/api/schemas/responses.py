"""Response bodies, for the OpenAPI document (and the schema-conformance tests)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from app.api.schemas.reviews import ReviewCaseEntry
from modelling.features import FEATURE_NAMES

FeatureName = Literal[*FEATURE_NAMES]
Recommendation = Literal["favourable", "review", "unfavourable"]
# "manual_review": the model is switched off (human oversight); no probability is given.
Advice = Literal["favourable", "review", "unfavourable", "manual_review"]


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    fields: dict[str, str] = Field(description="Offending field -> the rule it breaks.")


class ErrorResponse(BaseModel):
    error: ErrorBody


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"]
    expires_in: int = Field(description="Access-token lifetime in seconds.")


class LogoutResponse(BaseModel):
    revoked: bool


class Contribution(BaseModel):
    feature: FeatureName
    value: float
    impact: float = Field(description="Contribution in log-odds.")
    direction: Literal["increases_risk", "decreases_risk", "no_notable_effect"]
    may_be_reason: bool = Field(
        default=True, description="false for age: it contributes, but is never given as a reason."
    )


class Reason(BaseModel):
    feature: FeatureName
    text: str


class Counterfactual(BaseModel):
    feature: FeatureName | None = Field(description="null when no single change would help.")
    from_: float | None = Field(default=None, alias="from")
    to: float | None = None
    recommendation: Recommendation | None = None
    text: str | None = None
    message: str | None = None


class Explanation(BaseModel):
    base_value: float = Field(description="base_value + sum(impact) = logit(probability).")
    contributions: list[Contribution]
    reasons: list[Reason] = Field(max_length=4)
    counterfactual: Counterfactual | None


class ScoreResponse(BaseModel):
    probability_of_default: float | None = Field(
        ge=0, le=1, description="null while the model is switched off (manual_review)."
    )
    recommendation: Advice
    threshold: float | None
    model_version: str | None
    explanation: Explanation | None


class ItemError(BaseModel):
    index: int
    error: ErrorBody


class BatchResponse(BaseModel):
    results: list[ScoreResponse | ItemError]


class ClientItem(BaseModel):
    id: str
    age: int
    income: float
    seniority: float
    incidents: int
    credit_score: int
    data_updated_at: str
    data_age_days: int
    stale: bool
    probability_of_default: float | None
    scored_model_version: str | None
    scored_at: str | None
    risk_band: Literal["low", "medium", "high"] | None
    review_requested_at: str | None = Field(
        description="The client asked for human re-examination; cleared by the next decision."
    )


class ClientPage(BaseModel):
    items: list[ClientItem]
    total: int
    page: int
    per_page: int


class ClientScoreResponse(ScoreResponse):
    client_id: str
    score_id: str
    data_updated_at: str
    stale: bool
    data_age_days: int


class ScoreEntry(BaseModel):
    id: str
    probability_of_default: float | None
    recommendation: str
    threshold: float | None
    model_version: str | None
    requested_by: str | None
    created_at: str


class DecisionResponse(BaseModel):
    id: str
    score_id: str
    client_id: str
    adviser_id: str | None
    decision: Literal["approve", "decline", "refer"]
    justification: str | None
    created_at: str
    human_review: bool = Field(
        description="A supervisor's review decision, closing a case of the review queue."
    )
    explanation_opened: bool | None = Field(
        description="Whether the author had been served the client's explanation before "
        "deciding (None for decisions recorded before this was kept)."
    )
    recommendation: Advice | None = None


class HistoryDecision(DecisionResponse):
    adviser_email: str | None = Field(description="Who decided (None once the user is removed).")


class ReviewRequestEntry(BaseModel):
    created_at: str
    recorded_by_email: str | None = Field(description="The adviser who recorded the request.")


class HistoryResponse(BaseModel):
    client_id: str
    scores: list[ScoreEntry]
    decisions: list[HistoryDecision]
    review_requests: list[ReviewRequestEntry] = Field(
        description="The client's requests for human review (GDPR Art. 22(3)), newest first."
    )
    reviews: list[ReviewCaseEntry] = Field(
        description="The client's review cases (open and closed) with their outcome, newest first."
    )


class ExportedScore(BaseModel):
    id: str
    created_at: str
    inputs: dict
    probability_of_default: float | None
    recommendation: str
    threshold: float | None
    model_version: str | None
    explanation: dict | None
    kept_until: str


class ExportedDecision(BaseModel):
    id: str
    score_id: str
    created_at: str
    decision: Literal["approve", "decline", "refer"]
    justification: str | None
    human_review: bool
    adviser_id: str | None
    kept_until: str


class ExportedOutcome(BaseModel):
    id: str
    defaulted: bool
    observed_at: str
    recorded_at: str
    source: Literal["api", "import"]
    kept_until: str


class ExportResponse(BaseModel):
    """Everything held on one client (GDPR Art. 15), with the date each item is deleted."""

    client_id: str
    exported_at: str
    features: dict[str, float]
    data_updated_at: str
    created_at: str
    stale: bool
    review_requested_at: str | None
    retention: dict[str, str]
    scores: list[ExportedScore]
    decisions: list[ExportedDecision]
    outcomes: list[ExportedOutcome]


class ErasureResponse(BaseModel):
    client_id: str
    erased: Literal[True]
    erased_at: str


class ReviewRequestResponse(BaseModel):
    client_id: str
    review_requested_at: str
    due: str = Field(description="When the review is due (REVIEW_DUE_DAYS after the request).")
    client_view: str | None = Field(description="The client's point of view, if given.")


class ModelSwitch(BaseModel):
    enabled: bool
    changed_at: str | None
    changed_by: str | None
    changed_by_email: str | None = Field(description="The administrator who switched it.")


class RetentionCategory(BaseModel):
    category: Literal[
        "decisions", "scores", "adhoc_scores", "outcomes", "clients", "audit", "revoked_tokens"
    ]
    days: int | None = Field(description="null: kept until the row's own expiry (tokens).")
    cutoff: str
    count: int


class RetentionPreview(BaseModel):
    as_of: str
    categories: list[RetentionCategory]


class ModelVersion(BaseModel):
    version: str
    created_at: str | None
    algorithm: str | None
    active: bool
    metrics: dict


class ModelList(BaseModel):
    items: list[ModelVersion]


class ActiveModel(BaseModel):
    version: str
    algorithm: str | None
    created_at: str | None
    threshold: float
    review_margin: float
    metrics: dict


class UserItem(BaseModel):
    id: str
    email: str
    role: Literal["adviser", "supervisor", "admin"]
    active: bool


class UserList(BaseModel):
    items: list[UserItem]
