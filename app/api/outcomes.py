"""Realised outcomes and the back-tests they allow (issue 12 §3-4):
POST /clients/{id}/outcomes, GET /models/{version}/backtest, GET /models/challenger/report."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.api.routing import Route
from app.services import backtest, challenger_report, outcomes, permissions

STRICT = ConfigDict(extra="forbid", strict=True)


class OutcomeRequest(BaseModel):
    model_config = STRICT
    defaulted: bool = Field(description="true when the client defaulted.")
    observed_at: str = Field(
        description="The day the outcome was observed, YYYY-MM-DD (UTC), not in the future.",
        json_schema_extra={"format": "date"},
        examples=["2026-06-30"],
    )


class OutcomeResponse(BaseModel):
    id: str
    client_id: str
    defaulted: bool
    observed_at: str
    recorded_by: str | None
    recorded_at: str
    source: Literal["api", "import"]


class GradeItem(BaseModel):
    grade: int = Field(description="1 = the lowest probabilities.")
    n: int
    defaults: int
    predicted: float = Field(description="Mean predicted probability of default.")
    observed: float = Field(description="Observed default rate.")
    interval: list[float] = Field(description="Jeffreys 95 % interval of the observed rate.")
    probability_range: list[float]
    status: Literal["inside", "outside"] = Field(
        description="Whether the predicted rate lies inside the interval."
    )


class BacktestResponse(BaseModel):
    model_version: str
    outcomes: int
    defaults: int
    auc: float | None = Field(description="null unless both defaults and non-defaults occur.")
    auc_ci: list[float] | None = Field(description="95 % interval (DeLong).")
    auc_ci_method: Literal["delong"]
    brier: float | None
    predicted_rate: float | None
    observed_rate: float | None
    interval: list[float] | None = Field(description="Jeffreys 95 % interval, all outcomes.")
    interval_method: Literal["jeffreys"]
    grades: list[GradeItem]
    min_outcomes: int
    status: Literal["ok", "watch", "alert", "insufficient"]


class ChallengerBacktests(BaseModel):
    champion: BacktestResponse
    challenger: BacktestResponse


class ChallengerReport(BaseModel):
    champion: str
    challenger: str
    scores: int = Field(description="Score records carrying a shadow score of the challenger.")
    agreement: float = Field(description="Share of those in the same recommendation band.")
    rank_correlation: float | None = Field(description="Spearman's rho of the probabilities.")
    backtest: ChallengerBacktests
    min_outcomes: int


def record_outcome(user, client_id: uuid.UUID, body: OutcomeRequest):
    return outcomes.record_outcome(client_id, user, body.defaulted, body.observed_at)


def version_backtest(user, version: str):
    return backtest.backtest_version(version, user)


def challenger_comparison(user):
    return challenger_report.challenger_report(user)


MONITORS = permissions.roles_for("backtest")
ROUTES = [
    Route(
        "POST",
        "/clients/<uuid:client_id>/outcomes",
        record_outcome,
        "Record a client's realised outcome",
        "outcomes",
        roles=permissions.roles_for("record_outcome"),
        body=OutcomeRequest,
        response=OutcomeResponse,
        status=201,
        errors=(400, 401, 403, 404, 409, 413, 415, 422, 429),
        description="Whether the client defaulted, as observed on `observed_at`. 422 names the "
        "field (`defaulted` not a boolean, `observed_at` not a date or in the future); 404 an "
        "unknown client; 409 `outcome_exists` when the client already has an outcome that day.",
    ),
    # Before /models/<version>/backtest would not matter (different tails); kept first anyway.
    Route(
        "GET",
        "/models/challenger/report",
        challenger_comparison,
        "The challenger against the champion, on their shadow scores",
        "models",
        roles=MONITORS,
        response=ChallengerReport,
        errors=(401, 403, 404, 409, 429),
        description="404 `no_challenger` when no challenger is set; 409 `no_shadow_scores` "
        "before the challenger has scored anything in shadow.",
    ),
    Route(
        "GET",
        "/models/<version>/backtest",
        version_backtest,
        "Back-test of a model version on the realised outcomes",
        "models",
        roles=MONITORS,
        response=BacktestResponse,
        errors=(401, 403, 404, 429),
        description="Each outcome with the latest score the version gave the client on or "
        "before the day it was observed. Status `insufficient` under BACKTEST_MIN_OUTCOMES "
        "(100) outcomes; `alert` when the overall predicted rate is outside the overall "
        "interval or more than one grade is outside its own; `watch` for one grade; `ok`.",
    ),
]
