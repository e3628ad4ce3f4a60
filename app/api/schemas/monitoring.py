"""Schemas of the model monitoring routes (issue 12 §2): the drift report and its window."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["ok", "watch", "alert", "insufficient", "no_reference"]


class DriftQuery(BaseModel):
    """Documents the parameters; the drift service checks them (400 naming the parameter)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    days: str | None = Field(
        default=None, description="Window of the last N days, 1 to 3650 (default 30)."
    )
    from_: str | None = Field(
        default=None,
        alias="from",
        description="Window start, ISO 8601 date-time (UTC when no offset); with `to`.",
    )
    to: str | None = Field(
        default=None, description="Window end (excluded), ISO 8601 date-time; after `from`."
    )


class DriftBin(BaseModel):
    edge_low: float
    edge_high: float = Field(
        description="A value v is in the bin when edge_low < v <= edge_high "
        "(the first bin includes edge_low)."
    )
    reference: float = Field(description="Share of the development sample in the bin.")
    recent: float = Field(description="Share of the window's scores in the bin.")
    count: int = Field(description="Scores of the window in the bin.")


class DriftVariable(BaseModel):
    psi: float | None = Field(description="Population stability index; null without scores.")
    status: Status
    bins: list[DriftBin]


class DriftFeature(DriftVariable):
    feature: str


class DriftScore(DriftVariable):
    scores: int = Field(description="Scores of the window given by the active version.")


class DriftWindow(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    from_: str = Field(alias="from")
    to: str
    scores: int = Field(
        description="Score records counted: ad-hoc ones, and the latest of "
        "each stored client in the window."
    )


class DriftReport(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    model_version: str
    window: DriftWindow
    status: Status
    message: str | None = Field(default=None, description="Why there is no PSI, if so.")
    score: DriftScore
    features: list[DriftFeature]
