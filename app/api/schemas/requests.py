"""Request bodies and query strings, built from the one feature schema (modelling/features.py)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator
from pydantic_core import PydanticCustomError

from app.services.decisions import MAX_JUSTIFICATION
from app.services.portfolio import MAX_PAGE, MAX_PER_PAGE
from modelling.features import FEATURES, MIN_WORKING_AGE, check_consistency

STRICT = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)
MAX_BATCH = 1_000


def _feature_field(feature) -> tuple[Any, Any]:
    kind = int if feature.kind is int else float
    return (
        Annotated[
            kind,
            Field(
                ge=feature.minimum,
                le=feature.maximum,
                strict=True,
                description=f"{feature.description} ({feature.unit_en})",
                examples=[_example(feature)],
            ),
        ],
        ...,
    )


def _example(feature) -> int | float:
    examples = {
        "age": 42,
        "income": 38_000.0,
        "seniority": 6.5,
        "incidents": 1,
        "credit_score": 640,
    }
    return examples.get(feature.name, feature.minimum)


class _Consistent(BaseModel):
    @model_validator(mode="after")
    def _consistent(self):
        for name, rule in check_consistency(self.model_dump()).items():
            raise PydanticCustomError(
                "consistency", "{field} {rule}", {"field": name, "rule": rule}
            )
        return self


ClientFeatures = create_model(
    "ClientFeatures",
    __config__=None,
    __base__=_Consistent,
    __doc__=f"The five scoring inputs; seniority must be at most age - {MIN_WORKING_AGE}.",
    **{f.name: _feature_field(f) for f in FEATURES},
)
ClientFeatures.model_config.update(STRICT)
ClientFeatures.model_rebuild(force=True)


def _optional_feature_field(feature) -> tuple[Any, Any]:
    kind, _ = _feature_field(feature)
    return kind, None  # absent: unchanged; an explicit null is refused by the strict type


ClientRectification = create_model(
    "ClientRectification",
    __base__=_Consistent,
    __doc__="The features to correct (at least one); the merged record is checked as for "
    f"scoring, seniority at most age - {MIN_WORKING_AGE} included.",
    **{f.name: _optional_feature_field(f) for f in FEATURES},
)
ClientRectification.model_config.update(STRICT, json_schema_extra={"minProperties": 1})
ClientRectification.model_rebuild(force=True)


class ModelSwitchRequest(BaseModel):
    model_config = STRICT
    enabled: bool = Field(description="false: every score becomes manual_review.")


class BatchRequest(BaseModel):
    """Up to 1,000 clients; each item is validated on its own (an invalid one fails alone)."""

    model_config = STRICT
    clients: list[dict[str, Any]] = Field(
        min_length=1,
        max_length=MAX_BATCH,
        json_schema_extra={"items": {"$ref": "#/components/schemas/ClientFeatures"}},
    )


class LoginRequest(BaseModel):
    model_config = STRICT
    email: str = Field(min_length=3, max_length=254, examples=["adviser@bank.example"])
    password: str = Field(min_length=1, max_length=256)


class DecisionRequest(BaseModel):
    model_config = STRICT
    decision: Literal["approve", "decline", "refer"]
    justification: str | None = Field(
        default=None,
        max_length=MAX_JUSTIFICATION,
        description="Required when the decision goes against the recommendation: at least "
        "JUSTIFICATION_MIN_LENGTH (20) characters after trimming.",
    )
    confirm: bool = Field(
        default=False,
        description="true records the same decision as the client's latest one again within "
        "DECISION_REPEAT_MINUTES (5); otherwise such a repeat is a 409 duplicate_decision.",
    )


class ScoreQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    explain: bool = Field(default=True, description="false skips the explanation (faster).")


def _range_fields() -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for f in FEATURES:
        kind = int if f.kind is int else float
        bounds = Field(default=None, ge=f.minimum, le=f.maximum)
        fields[f"{f.name}_min"] = (kind | None, bounds)
        fields[f"{f.name}_max"] = (kind | None, bounds)
    return fields


SortKey = Literal[
    *(name for f in FEATURES for name in (f.name, "-" + f.name)),
    "data_updated_at",
    "-data_updated_at",
    "probability",
    "-probability",
    "id",
]


class _PageBase(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    risk: Literal["low", "medium", "high"] | None = Field(
        default=None, description="Risk band of the latest score (never-scored clients excluded)."
    )
    stale: bool = Field(default=False, description="true: only clients with stale data.")
    review_requested: bool = Field(
        default=False, description="true: only clients awaiting a human review (GDPR Art. 22)."
    )
    sort: SortKey = Field(default="id", description="A field, '-' first for descending.")
    page: int = Field(default=1, ge=1, le=MAX_PAGE)
    per_page: int = Field(default=50, ge=1, le=MAX_PER_PAGE)


ClientListQuery = create_model("ClientListQuery", __base__=_PageBase, **_range_fields())
