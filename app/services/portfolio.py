"""Portfolio queries: filters, sort and pagination done by the database, scoped to the caller.

An adviser sees only their own clients; a supervisor sees every client. A client outside the
caller's portfolio is reported exactly as an unknown one (NotFound), so a UUID reveals nothing.
Clients never scored have no risk band: a band filter leaves them out.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import Select, func, select

from app.database import current_database
from app.models import Client, Role, User, utcnow
from app.services import audit
from app.services.errors import NotFound, Unavailable
from app.services.models import model_service
from app.services.policy import policy_for
from modelling.features import FEATURE_NAMES

SORTABLE = (*FEATURE_NAMES, "data_updated_at", "probability", "id")


@dataclass
class PortfolioQuery:
    ranges: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    risk: str | None = None  # low / medium / high
    stale_only: bool = False
    review_only: bool = False  # clients with an open request for human review
    sort: str = "id"
    descending: bool = False
    page: int = 1
    per_page: int = 50


def scoped(query: Select, actor: User) -> Select:
    if actor.role == Role.SUPERVISOR:
        return query
    if actor.role == Role.ADVISER:
        return query.where(Client.adviser_id == actor.id)
    return query.where(False)  # admins manage users, they do not read client data


def visible_client(client_id: uuid.UUID, actor: User) -> Client:
    client = current_database().session.scalar(
        scoped(select(Client), actor).where(Client.id == client_id)
    )
    if client is None:
        raise NotFound("No such client.")
    return client


def client_summary(client: Client, stale_after_days: int, now: datetime | None = None) -> dict:
    now = now or utcnow()
    age_days = max(0, (now - client.data_updated_at).days)
    return {
        "id": str(client.id),
        **client.features(),
        "data_updated_at": client.data_updated_at.isoformat(),
        "data_age_days": age_days,
        "stale": age_days > stale_after_days,
        "probability_of_default": client.probability,
        "scored_model_version": client.scored_model_version,
        "scored_at": client.scored_at.isoformat() if client.scored_at else None,
        "review_requested_at": (
            client.review_requested_at.isoformat() if client.review_requested_at else None
        ),
    }


def list_clients(actor: User, query: PortfolioQuery) -> dict:
    stale_after = current_app.config["STALE_AFTER_DAYS"]
    now = utcnow()
    statement = scoped(select(Client), actor)
    for name, (low, high) in query.ranges.items():
        column = getattr(Client, name)
        if low is not None:
            statement = statement.where(column >= low)
        if high is not None:
            statement = statement.where(column <= high)
    policy = None
    if query.risk:
        policy = _policy()
        low, high = policy.band_range(query.risk)
        statement = statement.where(Client.probability.is_not(None))
        if low is not None:
            statement = statement.where(Client.probability >= low)
        if high is not None:
            statement = statement.where(Client.probability < high)
    if query.stale_only:
        statement = statement.where(Client.data_updated_at < now - timedelta(days=stale_after))
    if query.review_only:
        statement = statement.where(Client.review_requested_at.is_not(None))
    session = current_database().session
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    column = getattr(Client, query.sort)
    order = column.desc() if query.descending else column.asc()
    page = statement.order_by(order, Client.id).limit(query.per_page)
    clients = list(session.scalars(page.offset((query.page - 1) * query.per_page)))
    policy = policy or _policy(required=False)
    items = []
    for client in clients:
        item = client_summary(client, stale_after, now)
        item["risk_band"] = policy.band(client.probability) if policy else None
        items.append(item)
    with current_database().transaction():
        audit.record("list_clients", actor.id, details={"client_ids": [i["id"] for i in items]})
    return {"items": items, "total": total, "page": query.page, "per_page": query.per_page}


def view_client(client_id: uuid.UUID, actor: User) -> dict:
    client = visible_client(client_id, actor)
    item = client_summary(client, current_app.config["STALE_AFTER_DAYS"])
    policy = _policy(required=False)
    item["risk_band"] = policy.band(client.probability) if policy else None
    with current_database().transaction():
        audit.record("view_client", actor.id, client.id)
    return item


def _policy(required: bool = True):
    model = model_service().model
    if model is None:
        if required:
            raise Unavailable("No model is being served: risk bands are unavailable.")
        return None
    return policy_for(model.threshold)
