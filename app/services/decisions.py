"""The adviser's decision on a client's latest score, and a client's history.

The score is advice (GDPR Art. 22): the adviser decides, under their own identity, and must
justify a decision that goes against the recommendation.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from app.database import current_database
from app.models import Decision, ScoreRecord, User, utcnow
from app.services import audit, permissions
from app.services.errors import Conflict, Invalid
from app.services.policy import goes_against
from app.services.portfolio import visible_client

HISTORY_LIMIT = 200


def latest_score(client_id: uuid.UUID) -> ScoreRecord | None:
    query = select(ScoreRecord).where(ScoreRecord.client_id == client_id)
    query = query.order_by(ScoreRecord.created_at.desc(), ScoreRecord.id).limit(1)
    return current_database().session.scalar(query)


def record_decision(client_id: uuid.UUID, actor: User, decision: str, justification: str | None):
    """Who may decide is the permission table's rule (services/permissions)."""
    permissions.require(actor, "decide")
    client = visible_client(client_id, actor)
    permissions.require(actor, "decide", client)
    score = latest_score(client.id)
    if score is None:
        raise Conflict("The client has no score yet: score the client first.", code="not_scored")
    justification = (justification or "").strip() or None
    if goes_against(score.recommendation, decision) and justification is None:
        raise Invalid(
            "A decision against the recommendation needs a justification.",
            {"justification": "is required when the decision goes against the recommendation"},
        )
    with current_database().transaction() as session:
        # A decision after the client asked for human review answers it (Art. 22(3)): the
        # deciding adviser is its reviewer, and the request is closed.
        human_review = client.review_requested_at is not None
        row = Decision(
            score_id=score.id,
            client_id=client.id,
            adviser_id=actor.id,
            decision=decision,
            justification=justification,
            created_at=utcnow(),
            human_review=human_review,
        )
        session.add(row)
        client.review_requested_at = None
        session.flush()
        audit.record(
            "decision",
            actor.id,
            client.id,
            score.model_version,
            details={
                "decision": decision,
                "human_review": human_review,
                "against_recommendation": goes_against(score.recommendation, decision),
            },
        )
    return decision_dict(row) | {"recommendation": score.recommendation}


def decision_dict(row: Decision) -> dict:
    return {
        "id": str(row.id),
        "score_id": str(row.score_id),
        "client_id": str(row.client_id),
        "adviser_id": str(row.adviser_id) if row.adviser_id else None,
        "decision": row.decision,
        "justification": row.justification,
        "created_at": row.created_at.isoformat(),
        "human_review": bool(row.human_review),
    }


def score_dict(row: ScoreRecord) -> dict:
    return {
        "id": str(row.id),
        "probability_of_default": row.probability,
        "recommendation": row.recommendation,
        "threshold": row.threshold,
        "model_version": row.model_version,
        "requested_by": str(row.requested_by) if row.requested_by else None,
        "created_at": row.created_at.isoformat(),
    }


def history(client_id: uuid.UUID, actor: User) -> dict:
    """The client's scores and decisions, newest first (the latest HISTORY_LIMIT of each)."""
    client = visible_client(client_id, actor)
    session = current_database().session
    scores = session.scalars(
        select(ScoreRecord)
        .where(ScoreRecord.client_id == client.id)
        .order_by(ScoreRecord.created_at.desc())
        .limit(HISTORY_LIMIT)
    )
    decisions = session.scalars(
        select(Decision)
        .where(Decision.client_id == client.id)
        .order_by(Decision.created_at.desc())
        .limit(HISTORY_LIMIT)
    )
    result = {
        "client_id": str(client.id),
        "scores": [score_dict(s) for s in scores],
        "decisions": [decision_dict(d) for d in decisions],
    }
    with current_database().transaction():
        audit.record("view_history", actor.id, client.id)
    return result
