"""The adviser's decision on a client's latest score, and a client's history.

The score is advice (GDPR Art. 22): the adviser decides, under their own identity, and must
justify a decision that goes against the recommendation.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from app.database import current_database
from app.models import AuditEvent, Decision, ScoreRecord, User, utcnow
from app.models.scoring import DECISIONS
from app.services import audit, client_marks, permissions, reviews
from app.services.errors import Conflict, Invalid
from app.services.policy import goes_against
from app.services.portfolio import visible_client

HISTORY_LIMIT = 200
MAX_JUSTIFICATION = 2_000  # characters; the API's request schema reads the same limit


def latest_score(client_id: uuid.UUID) -> ScoreRecord | None:
    query = select(ScoreRecord).where(ScoreRecord.client_id == client_id)
    query = query.order_by(ScoreRecord.created_at.desc(), ScoreRecord.id).limit(1)
    return current_database().session.scalar(query)


def justification_min_length() -> int:
    """Characters (after trimming) a decision against the recommendation must be justified with."""
    return int(current_app.config["JUSTIFICATION_MIN_LENGTH"])


def repeat_window() -> timedelta:
    """How long the same decision again on a client is taken for a double submission."""
    return timedelta(minutes=int(current_app.config["DECISION_REPEAT_MINUTES"]))


def latest_decision(client_id: uuid.UUID) -> Decision | None:
    query = select(Decision).where(Decision.client_id == client_id)
    query = query.order_by(Decision.created_at.desc(), Decision.id).limit(1)
    return current_database().session.scalar(query)


def _check_justification(recommendation: str, decision: str, justification: str | None) -> None:
    minimum = justification_min_length()
    if goes_against(recommendation, decision) and len(justification or "") < minimum:
        raise Invalid(
            f"A decision against the recommendation needs a justification of at least "
            f"{minimum} characters.",
            {
                "justification": f"must be at least {minimum} characters (after trimming) when "
                "the decision goes against the recommendation"
            },
        )


def _check_values(decision, justification) -> None:
    """What a browser or a caller sent, checked as the API's schema checks it."""
    fields = {}
    if not isinstance(decision, str) or decision not in DECISIONS:
        fields["decision"] = f"must be one of {', '.join(DECISIONS)}"
    if justification is not None and (
        not isinstance(justification, str) or len(justification) > MAX_JUSTIFICATION
    ):
        fields["justification"] = f"must be text of at most {MAX_JUSTIFICATION} characters"
    if fields:
        raise Invalid("The decision is invalid.", fields)


def _check_repeat(client_id: uuid.UUID, decision: str) -> None:
    """The same outcome as the client's latest decision, moments later, is likely a repeat."""
    previous = latest_decision(client_id)
    if previous is None or previous.decision != decision:
        return
    if utcnow() - previous.created_at < repeat_window():
        minutes = int(repeat_window().total_seconds() // 60)
        raise Conflict(
            f"The same decision was recorded for this client less than {minutes} minutes ago "
            f"({previous.created_at.isoformat()}): send confirm=true to record it again.",
            {"confirm": "must be true to record the same decision again so soon"},
            code="duplicate_decision",
        )


def record_decision(
    client_id: uuid.UUID,
    actor: User,
    decision: str,
    justification: str | None,
    confirm: bool = False,
):
    """Record the adviser's decision on the latest score.

    Refused: a decision against the recommendation without a justification of
    JUSTIFICATION_MIN_LENGTH characters; the same decision as the latest one within
    DECISION_REPEAT_MINUTES unless `confirm` (a double submission stores nothing twice).
    Who may decide is the permission table's rule (services/permissions): an adviser outside
    the review queue, a supervisor only on a client in it, whose decision is the review (an
    approve or a decline, always justified) and closes the case; a "refer" opens one.
    """
    permissions.require(actor, "decide")
    _check_values(decision, justification)
    client = visible_client(client_id, actor)
    permissions.require(actor, "decide", client)
    human_review = permissions.allowed(actor, "review", client)
    if human_review:
        reviews.check_review(decision, justification)
    score = latest_score(client.id)
    if score is None:
        raise Conflict("The client has no score yet: score the client first.", code="not_scored")
    justification = (justification or "").strip() or None
    _check_justification(score.recommendation, decision, justification)
    if not confirm and not human_review:  # a review closes a case: it is no repeat
        _check_repeat(client.id, decision)
    with current_database().transaction() as session:
        row = Decision(
            score_id=score.id,
            client_id=client.id,
            adviser_id=actor.id,
            decision=decision,
            justification=justification,
            created_at=utcnow(),
            human_review=human_review,
            explanation_opened=explanation_opened(session, actor, score),
        )
        session.add(row)
        session.flush()
        client_marks.decided(client, row.created_at)
        if human_review:  # the supervisor's answer closes the case and the client's request
            reviews.close(reviews.open_case(session, client.id), actor, decision, justification)
            client.review_requested_at = None
        elif decision == "refer":
            reviews.refer(session, row)
        audit.record(
            "decision",
            actor.id,
            client.id,
            score.model_version,
            details={
                "decision": decision,
                "human_review": human_review,
                "against_recommendation": goes_against(score.recommendation, decision),
                "explanation_opened": row.explanation_opened,
            },
        )
    return decision_dict(row) | {"recommendation": score.recommendation}


EXPLANATION_SERVED = ("score_client", "view_score")


def explanation_opened(session, actor: User, score: ScoreRecord) -> bool:
    """Whether the actor was served this score with its explanation before deciding: an
    audited score_client or view_score of the client by the actor since the score was made,
    that did not ask to skip the explanation (details "explain": false)."""
    rows = session.scalars(
        select(AuditEvent.details).where(
            AuditEvent.actor_id == actor.id,
            AuditEvent.client_id == score.client_id,
            AuditEvent.action.in_(EXPLANATION_SERVED),
            AuditEvent.created_at >= score.created_at,
        )
    )
    return any((details or {}).get("explain", True) is not False for details in rows)


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
        "explanation_opened": row.explanation_opened,
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


def review_requests(client_id: uuid.UUID) -> list[dict]:
    """The client's requests for human review (Art. 22(3)), from the audit trail: the open one
    is also on the client, but a decision closes it and only the trail keeps when it was made."""
    rows = current_database().session.execute(
        select(AuditEvent.created_at, User.email)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.client_id == client_id, AuditEvent.action == "review_request")
        .order_by(AuditEvent.created_at.desc())
        .limit(HISTORY_LIMIT)
    )
    return [{"created_at": when.isoformat(), "recorded_by_email": email} for when, email in rows]


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
    decisions = session.execute(
        select(Decision, User.email)
        .outerjoin(User, User.id == Decision.adviser_id)
        .where(Decision.client_id == client.id)
        .order_by(Decision.created_at.desc())
        .limit(HISTORY_LIMIT)
    )
    result = {
        "client_id": str(client.id),
        "scores": [score_dict(s) for s in scores],
        "decisions": [decision_dict(d) | {"adviser_email": email} for d, email in decisions],
        "review_requests": review_requests(client.id),
        "reviews": reviews.cases_of(session, client.id),
    }
    with current_database().transaction():
        audit.record("view_history", actor.id, client.id)
    return result
