"""Helpers for the outcome and back-test tests (imported as `outcome_helpers`): constructed
cases whose back-test status is known by design, and a fast way to store them."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta

from app.database import current_database
from app.models import AppSetting, Client, Outcome, PublishedModel, ScoreRecord
from app.services.models import CHALLENGER_SETTING

FEATURES = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 0, "credit_score": 720}
OBSERVED = date(2026, 6, 30)
RATES = (0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50)


def calibrated(per_rate: int, rates=RATES, shifted: dict | None = None) -> list[tuple]:
    """`per_rate` cases at each probability, as many defaults as the probability says (to the
    nearest case) except where `shifted` gives a rate its own count of defaults."""
    cases = []
    for rate in rates:
        defaults = (shifted or {}).get(rate, int(per_rate * rate + 0.5))
        cases += [(rate, i < defaults) for i in range(per_rate)]
    return cases


# Known by design (checked by tests/modelling/test_modelling_backtest.py on the numbers):
# every grade's observed rate within a case of its probability -> ok; the 10 % grade at a third
# of defaults -> watch; two grades off -> alert; probabilities half the observed rates -> alert.
def case_ok() -> list[tuple]:
    return calibrated(30)


def case_watch() -> list[tuple]:
    return calibrated(60, shifted={0.10: 20})


def case_alert() -> list[tuple]:
    return calibrated(60, shifted={0.10: 20, 0.40: 6})


def case_insufficient() -> list[tuple]:
    return calibrated(5)


STATUS_CASES = {
    "ok": case_ok,
    "watch": case_watch,
    "alert": case_alert,
    "insufficient": case_insufficient,
}


def set_challenger(version: str, threshold: float) -> None:
    """The challenger as set by an administrator and published by another instance (its
    metadata is what the report reads: the threshold). Written directly: the report reads the
    setting and the stored shadow scores, not a loaded model."""
    with current_database().transaction() as session:
        session.add(AppSetting(key=CHALLENGER_SETTING, value=version, updated_at=datetime.now(UTC)))
        session.add(
            PublishedModel(
                version=version,
                algorithm="catboost",
                artefact_file="model.cbm",
                artefact=b"not read by the report",
                sha256="0" * 64,
                metadata_file=json.dumps({"threshold": threshold}).encode(),
                manifest="{}",
            )
        )


def store_cases(adviser, cases, version: str, *, challenger: str | None = None, observed=OBSERVED):
    """One client per case, scored by `version` 30 days before `observed` (with the case's
    challenger probability when given: (p, defaulted, challenger_p)), and its outcome."""
    scored_at = datetime.combine(observed, datetime.min.time(), UTC) - timedelta(days=30)
    clients, scores, outcomes = [], [], []
    for case in cases:
        probability, defaulted = case[0], case[1]
        client_id = uuid.uuid4()
        clients.append(
            Client(
                id=client_id,
                adviser_id=adviser.id,
                data_updated_at=scored_at,
                created_at=scored_at,
                **FEATURES,
            )
        )
        scores.append(score_record(client_id, version, probability, scored_at, challenger, case))
        outcomes.append(
            Outcome(
                client_id=client_id,
                defaulted=bool(defaulted),
                observed_at=observed,
                recorded_at=datetime.now(UTC),
                source="import",
            )
        )
    with current_database().transaction() as session:
        session.add_all(clients)
        session.flush()
        session.add_all(scores + outcomes)
    return clients


def score_record(client_id, version, probability, at, challenger=None, case=()) -> ScoreRecord:
    return ScoreRecord(
        client_id=client_id,
        inputs=FEATURES,
        probability=probability,
        recommendation="review",
        threshold=0.1,
        model_version=version,
        challenger_version=challenger if len(case) > 2 else None,
        challenger_probability=case[2] if len(case) > 2 else None,
        created_at=at,
    )
