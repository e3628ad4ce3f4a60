"""Scoring use cases shared by the API and the dashboard: plain data in, plain data out.

`evaluate` is pure (no storage); the other functions store a score record per scored client and
an audit event in the same transaction, so every score served is on record. While an
administrator has switched the model off (services/oversight), every score is "manual_review"
with no probability: the adviser decides without the model.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import numpy as np
from flask import current_app
from sqlalchemy import insert

from app.database import current_database
from app.models import ScoreRecord, User, utcnow
from app.services import audit, counterfactual, explanations, oversight, permissions, quota
from app.services.errors import Unavailable
from app.services.models import model_service
from app.services.policy import policy_for
from app.services.portfolio import client_summary, visible_client
from modelling.features import FEATURE_NAMES


def served_model():
    model = model_service().model
    if model is None:
        raise Unavailable("No model is being served: scoring is unavailable.")
    return model


def evaluate(rows: Sequence[dict], lang: str = "fr", explain: bool = True, model=None) -> list:
    """Score validated feature sets with one vectorised model call (the API response shape)."""
    model = model or served_model()
    policy = policy_for(model.threshold)
    X = np.array([[row[name] for name in FEATURE_NAMES] for row in rows], dtype=float)
    result = model.explain(X)
    recommendations = [policy.recommend(p) for p in result.probability.tolist()]
    found = counterfactual.search(model, X, recommendations, policy, lang) if explain else None
    if explain:  # plain lists once per batch: the explanations are built from them
        rows_as_lists, impacts = X.tolist(), result.contributions.tolist()
        orders = explanations.strongest_first(result.contributions)
        minimum = explanations.reason_minimum()
    base = float(result.base_value)
    items = []
    for i, probability in enumerate(result.probability.tolist()):
        item = {
            "probability_of_default": probability,
            "recommendation": recommendations[i],
            "threshold": model.threshold,
            "model_version": model.version,
            "explanation": None,
        }
        if explain:
            item["explanation"] = explanations.explanation(
                rows_as_lists[i], impacts[i], orders[i], base, found[i], lang, minimum
            )
        items.append(item)
    return items


MANUAL_REVIEW = {
    "probability_of_default": None,
    "recommendation": "manual_review",
    "threshold": None,
    "model_version": None,
    "explanation": None,
}


def _advice(rows: Sequence[dict], lang: str, explain: bool) -> tuple[list, str | None]:
    """The model's scores, or manual review for each row while the model is switched off."""
    if not oversight.model_enabled():
        return [dict(MANUAL_REVIEW) for _ in rows], None
    model = served_model()
    return (evaluate(rows, lang, explain, model) if rows else []), model.version


def score_features(values: dict, lang: str = "fr", explain: bool = True) -> dict:
    """One ad-hoc feature set, nothing stored (the model's answer alone)."""
    return _advice([values], lang, explain)[0][0]


def simulate(values: dict, actor: User, lang: str = "fr") -> dict:
    """The dashboard's simulator: one ad-hoc score, not stored, within the daily quota."""
    quota.spend_adhoc(actor, 1)
    return score_features(values, lang)


def score_and_record(rows: Sequence[dict], actor: User, lang: str = "fr", explain: bool = True):
    """Ad-hoc scores (API /score and /score/batch): stored and audited, no client attached;
    each counts against the identity's daily quota (services/quota)."""
    permissions.require(actor, "score")
    quota.spend_adhoc(actor, len(rows))
    items, version = _advice(rows, lang, explain)
    with current_database().transaction() as session:
        _store(session, rows, items, actor.id)
        action = "score" if len(rows) == 1 else "score_batch"
        audit.record(action, actor.id, model_version=version, details={"count": len(rows)})
    return items


def score_client(client_id: uuid.UUID, actor: User, lang: str = "fr", explain: bool = True):
    """Score a stored client with the active model; keep the result as its latest score."""
    client = visible_client(client_id, actor)
    (item,), version = _advice([client.features()], lang, explain)
    with current_database().transaction() as session:
        (score_id,) = _store(session, [client.features()], [item], actor.id, [client.id])
        if version is not None:  # manual review keeps the last model score for the bands
            client.probability = item["probability_of_default"]
            client.scored_model_version = version
            client.scored_at = utcnow()
        audit.record("score_client", actor.id, client.id, version)
    summary = client_summary(client, current_app.config["STALE_AFTER_DAYS"])
    return item | {
        "client_id": str(client.id),
        "score_id": str(score_id),
        "data_updated_at": summary["data_updated_at"],
        "stale": summary["stale"],
        "data_age_days": summary["data_age_days"],
    }


def _store(session, rows, items, actor_id, client_ids=None) -> list[uuid.UUID]:
    now = utcnow()
    ids = [uuid.uuid4() for _ in items]
    records = [
        {
            "id": ids[i],
            "client_id": client_ids[i] if client_ids else None,
            "requested_by": actor_id,
            "inputs": dict(rows[i]),
            "probability": item["probability_of_default"],
            "recommendation": item["recommendation"],
            "threshold": item["threshold"],
            "model_version": item["model_version"],
            "explanation": item["explanation"],
            "created_at": now,
        }
        for i, item in enumerate(items)
    ]
    if records:  # Core, not the ORM's bulk path: a third of the cost for one record
        session.connection().execute(insert(ScoreRecord.__table__), records)
    return ids
