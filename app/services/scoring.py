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
from sqlalchemy import insert, select

from app.database import current_database
from app.models import ScoreRecord, User, utcnow
from app.services import (
    audit,
    counterfactual,
    explanations,
    oversight,
    permissions,
    quota,
    shadow,
)
from app.services.errors import Unavailable
from app.services.models import NOT_APPROVED, model_service
from app.services.policy import policy_for
from app.services.portfolio import client_summary, visible_client
from modelling.features import FEATURE_NAMES


def served_model():
    model = model_service().model
    if model is None:
        raise Unavailable("No model is being served: scoring is unavailable.")
    if not model_service().servable:  # issue 12: production serves approved versions only
        raise Unavailable(NOT_APPROVED, code="model_not_approved")
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
    """The client's score for its current state: one score record per state.

    A state is the client's data, the served model version and the kill switch (a version of
    None while the model is off). While it has not changed since the latest record, that
    record is served again (its texts in the reader's language) and only the view is audited;
    otherwise the client is scored and the new record kept as its latest score.
    """
    client = visible_client(client_id, actor)
    features = client.features()
    version = _served_version()
    latest = _latest_record(client.id)
    if latest is not None and same_state(latest, features, version):
        item, score_id = _reuse(latest, lang, explain), latest.id
        with current_database().transaction():
            if version is not None and client.probability != latest.probability:
                # Data confirmed unchanged by a rectification: its score holds again.
                client.probability, client.scored_model_version = latest.probability, version
                client.scored_at = latest.created_at
            # "explain": whether the reader was shown why (services/human_evidence, issue 13)
            details = {"score_id": str(score_id), "explain": bool(explain)}
            audit.record("view_score", actor.id, client.id, version, details=details)
        scored_at = latest.created_at
    else:
        (item,), version = _advice([features], lang, explain)
        with current_database().transaction() as session:
            (score_id,) = _store(session, [features], [item], actor.id, [client.id])
            scored_at = utcnow()
            if version is not None:  # manual review keeps the last model score for the bands
                client.probability = item["probability_of_default"]
                client.scored_model_version = version
                client.scored_at = scored_at
            details = {"explain": bool(explain)}  # whether the reader was shown why
            audit.record("score_client", actor.id, client.id, version, details=details)
    summary = client_summary(client, current_app.config["STALE_AFTER_DAYS"])
    return item | {
        "client_id": str(client.id),
        "score_id": str(score_id),
        "scored_at": scored_at.isoformat(),
        "data_updated_at": summary["data_updated_at"],
        "stale": summary["stale"],
        "data_age_days": summary["data_age_days"],
    }


def _served_version() -> str | None:
    """The state's model part: the served version, or None while the model is switched off."""
    if not oversight.model_enabled():
        return None
    return served_model().version


def _latest_record(client_id: uuid.UUID) -> ScoreRecord | None:
    query = select(ScoreRecord).where(ScoreRecord.client_id == client_id)
    query = query.order_by(ScoreRecord.created_at.desc(), ScoreRecord.id.desc()).limit(1)
    return current_database().session.scalar(query)


def same_state(record: ScoreRecord, features: dict, version: str | None) -> bool:
    """Whether a score record was made on these data by this model (None: switched off)."""
    manual = record.recommendation == "manual_review"
    return (
        record.model_version == version
        and manual == (version is None)
        and dict(record.inputs) == features
    )


def _reuse(record: ScoreRecord, lang: str, explain: bool) -> dict:
    """A stored score as the scoring answer, its sentences in the reader's language."""
    return {
        "probability_of_default": record.probability,
        "recommendation": record.recommendation,
        "threshold": record.threshold,
        "model_version": record.model_version,
        "explanation": explained(record, lang) if explain else None,
    }


def explained(record: ScoreRecord, lang: str) -> dict | None:
    """A score record's explanation in the reader's language (texts rebuilt, never age as a
    reason). A record kept without it (explain=false) gets it once, while its model is the one
    served (same model, same data: the same explanation); None for a manual review."""
    explanation = record.explanation
    if explanation is None and record.model_version is not None:
        if record.model_version != _served_version():
            return None
        explanation = evaluate([record.inputs], lang, True, served_model())[0]["explanation"]
        with current_database().transaction():
            record.explanation = explanation
    if explanation is None:
        return None
    return explanations.in_language(explanation, record.recommendation, lang)


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
    shadow.annotate(records)  # the challenger's probability, stored only (issue 12 §4)
    if records:  # Core, not the ORM's bulk path: a third of the cost for one record
        session.connection().execute(insert(ScoreRecord.__table__), records)
    return ids
