"""Realised outcomes: a supervisor or an admin records whether a client defaulted, observed on a
date, one at a time (API) or from a file (CLI, services/outcome_import).

The rules are here, for every face: who may record (the permission table), `defaulted` a
boolean, `observed_at` an ISO date that is not in the future, a client that exists. One outcome
per client and day; recording one is audited (UUIDs and the source only, never the outcome).
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.database import current_database
from app.models import Client, Outcome, User, utcnow
from app.services import audit, permissions
from app.services.errors import Conflict, Invalid, NotFound

DATE_RULE = "must be a date YYYY-MM-DD"
FUTURE_RULE = "must not be in the future"
BOOLEAN_RULE = "must be true or false"
UNKNOWN_CLIENT = "no such client"


def parse_observed_at(value: object, today: date) -> tuple[date | None, str | None]:
    """The observation date, or the rule it breaks (an ISO date, not after today UTC)."""
    if isinstance(value, date):
        observed = value
    elif isinstance(value, str):
        try:
            observed = date.fromisoformat(value.strip())
        except ValueError:
            return None, DATE_RULE
    else:
        return None, DATE_RULE
    if observed > today:
        return None, FUTURE_RULE
    return observed, None


def today_utc() -> date:
    return utcnow().date()


def as_dict(outcome: Outcome) -> dict:
    return {
        "id": str(outcome.id),
        "client_id": str(outcome.client_id),
        "defaulted": outcome.defaulted,
        "observed_at": outcome.observed_at.isoformat(),
        "recorded_by": str(outcome.recorded_by) if outcome.recorded_by else None,
        "recorded_at": outcome.recorded_at.isoformat(),
        "source": outcome.source,
    }


def record_outcome(client_id: uuid.UUID, actor: User, defaulted: object, observed_at: object):
    """Store one outcome (source "api"); Invalid names the field, NotFound the client, Conflict
    an outcome already recorded for that client and day."""
    permissions.require(actor, "record_outcome")
    errors = {}
    if not isinstance(defaulted, bool):
        errors["defaulted"] = BOOLEAN_RULE
    observed, rule = parse_observed_at(observed_at, today_utc())
    if rule:
        errors["observed_at"] = rule
    if errors:
        raise Invalid("Invalid outcome.", errors)
    session = current_database().session
    if session.get(Client, client_id) is None:
        raise NotFound("No such client.", {"client_id": UNKNOWN_CLIENT})
    existing = select(Outcome.id).where(
        Outcome.client_id == client_id, Outcome.observed_at == observed
    )
    if session.scalar(existing) is not None:
        raise _already_recorded()
    outcome = Outcome(
        client_id=client_id,
        defaulted=defaulted,
        observed_at=observed,
        recorded_by=actor.id,
        recorded_at=utcnow(),
        source="api",
    )
    try:
        with current_database().transaction() as session:
            session.add(outcome)
            audit.record("outcome", actor.id, client_id, details={"source": "api"})
    except IntegrityError:  # the same outcome recorded at the same moment by someone else
        raise _already_recorded() from None
    return as_dict(outcome)


def _already_recorded() -> Conflict:
    return Conflict(
        "An outcome is already recorded for this client on this date.",
        {"observed_at": "already has an outcome for this client"},
        code="outcome_exists",
    )


def outcomes_of(client_id: uuid.UUID) -> list[Outcome]:
    """A client's outcomes, oldest first (for the GDPR export)."""
    query = select(Outcome).where(Outcome.client_id == client_id)
    return list(current_database().session.scalars(query.order_by(Outcome.observed_at)))
