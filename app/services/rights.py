"""Client rights (GDPR Arts 15-17, 22): access (export), rectification, erasure, human review.

Each is one transaction with its audit event, so an acknowledged request is always on record.
The audit keeps that an erasure happened, by whom and when, and never the erased features.
Who may do what is the permission table's rule (services/permissions); export and erasure also
need a fresh log-in, and exports spend one budget per identity (RATELIMIT_EXPORT) whichever face
(API or dashboard) asks.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from flask import current_app
from limits import parse
from sqlalchemy import select

from app.database import current_database
from app.extensions import current_limiter
from app.models import Client, Decision, Role, ScoreRecord, User, utcnow
from app.services import audit, permissions, reviews
from app.services.errors import FreshLoginRequired, Invalid, NotFound, RateLimited
from app.services.outcomes import outcomes_of
from app.services.portfolio import client_summary, visible_client
from modelling.features import FEATURE_NAMES, validate


def _retention_date(moment, setting: str) -> str:
    return (moment + timedelta(days=current_app.config[setting])).isoformat()


def _rights_client(client_id: uuid.UUID, actor: User) -> Client:
    """The client's adviser and supervisors reach it as usual; admins handle rights requests
    for any client (they read no portfolio otherwise)."""
    if actor.role == Role.ADMIN:
        client = current_database().session.get(Client, client_id)
        if client is None:
            raise NotFound("No such client.")
        return client
    return visible_client(client_id, actor)


def _require_fresh_login(fresh_login: bool) -> None:
    if not fresh_login:
        raise FreshLoginRequired(
            "This operation needs a fresh log-in: give your password again.",
        )


def spend_export_budget(actor: User) -> None:
    """One export out of the actor's RATELIMIT_EXPORT budget, in the rate limiter's storage
    (Redis when configured), so that the API and the dashboard draw on the same budget."""
    limiter = current_limiter()
    if not limiter.enabled:
        return
    rate = parse(current_app.config["RATELIMIT_EXPORT"])
    key = ("user:" + str(actor.id), "export")
    if not limiter.limiter.hit(rate, *key):
        reset = limiter.limiter.get_window_stats(rate, *key).reset_time
        retry_after = max(1, int(reset - utcnow().timestamp()) + 1)
        raise RateLimited("Too many exports: try again later.", retry_after)


def export_client(client_id: uuid.UUID, actor: User, *, fresh_login: bool) -> dict:
    """Everything held on one client, with the date each item is due to be deleted.

    `fresh_login`: the caller's face vouches that the password was given recently (a token from
    a log-in for the API, FRESH_LOGIN_MINUTES for the dashboard)."""
    permissions.require(actor, "export")
    _require_fresh_login(fresh_login)
    spend_export_budget(actor)
    client = _rights_client(client_id, actor)
    session = current_database().session
    scores = session.scalars(
        select(ScoreRecord)
        .where(ScoreRecord.client_id == client.id)
        .order_by(ScoreRecord.created_at)
    )
    decisions = session.scalars(
        select(Decision).where(Decision.client_id == client.id).order_by(Decision.created_at)
    )
    summary = client_summary(client, current_app.config["STALE_AFTER_DAYS"])
    document = {
        "client_id": str(client.id),
        "exported_at": utcnow().isoformat(),
        "features": client.features(),
        "data_updated_at": summary["data_updated_at"],
        "created_at": client.created_at.isoformat(),
        "stale": summary["stale"],
        "review_requested_at": (
            client.review_requested_at.isoformat() if client.review_requested_at else None
        ),
        "retention": {
            "client_data_until": _retention_date(client.data_updated_at, "RETENTION_CLIENT_DAYS")
        },
        "scores": [
            {
                "id": str(s.id),
                "created_at": s.created_at.isoformat(),
                "inputs": s.inputs,
                "probability_of_default": s.probability,
                "recommendation": s.recommendation,
                "threshold": s.threshold,
                "model_version": s.model_version,
                "explanation": s.explanation,
                "kept_until": _retention_date(s.created_at, "RETENTION_SCORE_DAYS"),
            }
            for s in scores
        ],
        "decisions": [
            {
                "id": str(d.id),
                "score_id": str(d.score_id),
                "created_at": d.created_at.isoformat(),
                "decision": d.decision,
                "justification": d.justification,
                "human_review": d.human_review,
                "adviser_id": str(d.adviser_id) if d.adviser_id else None,
                "kept_until": _retention_date(d.created_at, "RETENTION_DECISION_DAYS"),
            }
            for d in decisions
        ],
        "outcomes": [
            {
                "id": str(o.id),
                "defaulted": o.defaulted,
                "observed_at": o.observed_at.isoformat(),
                "recorded_at": o.recorded_at.isoformat(),
                "source": o.source,
                "kept_until": (
                    o.observed_at + timedelta(days=current_app.config["RETENTION_OUTCOME_DAYS"])
                ).isoformat(),
            }
            for o in outcomes_of(client.id)
        ],
    }
    with current_database().transaction():
        audit.record("export", actor.id, client.id)
    return document


def rectify_client(client_id: uuid.UUID, actor: User, changes: dict) -> dict:
    """Update some features (validated as for scoring, on the merged record); audited."""
    permissions.require(actor, "rectify")
    client = visible_client(client_id, actor)
    unknown = sorted(set(changes) - set(FEATURE_NAMES))
    if unknown:
        raise Invalid("Unknown fields.", {name: "is not a feature" for name in unknown})
    clean, errors = validate(client.features() | changes)
    if errors:
        raise Invalid("Invalid features.", errors)
    with current_database().transaction():
        for name in changes:
            setattr(client, name, clean[name])
        client.data_updated_at = utcnow()
        # The kept score was computed on the old data: drop it until the client is re-scored.
        client.probability = client.scored_model_version = client.scored_at = None
        audit.record("rectification", actor.id, client.id, details={"fields": sorted(changes)})
    return client_summary(client, current_app.config["STALE_AFTER_DAYS"]) | {"risk_band": None}


def erase_client(client_id: uuid.UUID, actor: User, *, fresh_login: bool) -> dict:
    """Remove the client, its scores, decisions and outcomes in one transaction (admins only)."""
    permissions.require(actor, "erase")
    _require_fresh_login(fresh_login)
    with current_database().transaction() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound("No such client.")
        session.delete(client)  # scores, decisions, outcomes go by ON DELETE CASCADE
        event = audit.record("erasure", actor.id, client_id)
    return {"client_id": str(client_id), "erased": True, "erased_at": event.created_at.isoformat()}


def request_review(client_id: uuid.UUID, actor: User, client_view: str | None = None) -> dict:
    """Record the client's request for human re-examination, with their point of view if they
    gave one: the client joins the review queue until a supervisor answers (services/reviews)."""
    permissions.require(actor, "request_review")
    client_view = reviews.check_client_view(client_view)
    client = visible_client(client_id, actor)
    with current_database().transaction() as session:
        client.review_requested_at = client.review_requested_at or utcnow()
        case = reviews.request(session, client, actor, client_view)
        audit.record("review_request", actor.id, client.id, details={"view": bool(client_view)})
    return {
        "client_id": str(client.id),
        "review_requested_at": client.review_requested_at.isoformat(),
        "due": case.due.isoformat(),
        "client_view": case.client_view,
    }


def review_requested_at(client_id: uuid.UUID, actor: User) -> str | None:
    """When the client's open request for human review was made, or None (not audited: it is
    shown on the client page, whose view is audited already)."""
    client = visible_client(client_id, actor)
    return client.review_requested_at.isoformat() if client.review_requested_at else None
