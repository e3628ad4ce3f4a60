"""Portfolio queries: filters, sort and pagination done by the database, scoped to the caller.

An adviser sees only their own clients; a supervisor sees every client. A client outside the
caller's portfolio is reported exactly as an unknown one (NotFound), so a UUID reveals nothing.
Clients never scored have no risk band: a band filter leaves them out.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any, NamedTuple

from flask import current_app
from sqlalchemy import ColumnElement, Select, and_, func, select

from app.database import current_database
from app.models import Client, ReviewCase, Role, User, utcnow
from app.services import audit
from app.services.errors import Invalid, NotFound, Unavailable
from app.services.models import model_service
from app.services.policy import policy_for
from modelling.features import BY_NAME, FEATURE_NAMES, format_bound

SORTABLE = (*FEATURE_NAMES, "data_updated_at", "probability", "id")
RISK_BANDS = ("low", "medium", "high")
# One definition for the API's query schema and the dashboard: a larger page is refused.
MAX_PER_PAGE = 200
MAX_PAGE = 1_000_000


@dataclass
class PortfolioQuery:
    ranges: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    risk: str | None = None  # low / medium / high
    stale_only: bool = False
    review_only: bool = False  # clients with an open request for human review
    decided_this_month: bool = False  # clients with a decision recorded since the 1st (UTC)
    to_do: bool = False  # the adviser's to-do: stale data, a review answered, never decided
    sort: str = "id"
    descending: bool = False
    page: int = 1
    per_page: int = 50


class Problem(NamedTuple):
    """A broken rule of a portfolio query: the field (named as in the API), a rule code and its
    parameters, so that each face words it in its reader's language."""

    field: str
    rule: str  # number, integer, between, not_above, one_of, boolean, multiple, not_offered
    params: Mapping[str, Any] = MappingProxyType({})

    def english(self) -> str:
        p = self.params
        if self.rule == "between":
            return f"must be between {format_bound(p['low'])} and {format_bound(p['high'])}"
        if self.rule == "not_above":
            return f"must not be above {p['other']}"
        if self.rule == "one_of":
            return f"must be one of {', '.join(map(str, p['values']))}"
        if self.rule == "multiple":
            return f"must be a multiple of {p['size']}"
        return {
            "number": "must be a finite number",
            "integer": "must be an integer",
            "boolean": "must be true or false",
            "not_offered": "is not offered: use the portfolio's filters",
        }[self.rule]


def _number(name: str, value: Any, integer: bool, low: float, high: float) -> Problem | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return Problem(name, "integer" if integer else "number")
    if isinstance(value, float) and not math.isfinite(value):
        return Problem(name, "number")
    if integer and not float(value).is_integer():
        return Problem(name, "integer")
    if not low <= value <= high:
        return Problem(name, "between", {"low": low, "high": high})
    return None


def check_query(query: PortfolioQuery) -> list[Problem]:
    """Every rule the query breaks (types included: a browser can send anything)."""
    problems = []
    ranges = query.ranges if isinstance(query.ranges, dict) else {}
    for name, bounds in ranges.items():
        feature = BY_NAME.get(name)
        if feature is None or not isinstance(bounds, (tuple, list)) or len(bounds) != 2:
            problems.append(Problem(str(name)[:40], "one_of", {"values": FEATURE_NAMES}))
            continue
        found = [
            _number(f"{name}_{end}", value, feature.kind is int, feature.minimum, feature.maximum)
            for end, value in zip(("min", "max"), bounds, strict=True)
            if value is not None
        ]
        problems += [p for p in found if p]
        low, high = bounds
        if not any(found) and low is not None and high is not None and low > high:
            problems.append(
                Problem(f"{name}_min", "not_above", {"other": f"{name}_max", "high": high})
            )
    if query.risk is not None and query.risk not in RISK_BANDS:
        problems.append(Problem("risk", "one_of", {"values": RISK_BANDS}))
    if query.sort not in SORTABLE:
        problems.append(Problem("sort", "one_of", {"values": SORTABLE}))
    for name in ("stale_only", "review_only", "decided_this_month", "to_do", "descending"):
        if not isinstance(getattr(query, name), bool):
            problems.append(Problem(name, "boolean"))
    problems.append(_number("page", query.page, True, 1, MAX_PAGE))
    problems.append(_number("per_page", query.per_page, True, 1, MAX_PER_PAGE))
    return [p for p in problems if p]


def rows_window(start_row: Any, end_row: Any) -> tuple[list[Problem], int, int]:
    """A grid's block of rows [start_row, end_row) as a page and its size, or the broken rules
    (the browser sends the numbers: a negative start or an endless block is refused)."""
    problems = [_number("start_row", start_row, True, 0, MAX_PAGE * MAX_PER_PAGE)]
    if problems[0] is None:
        problems.append(_number("end_row", end_row, True, start_row + 1, start_row + MAX_PER_PAGE))
    problems = [p for p in problems if p]
    if problems:
        return problems, 1, 1
    size = int(end_row - start_row)
    if start_row % size:
        return [Problem("start_row", "multiple", {"size": size})], 1, 1
    return [], int(start_row // size) + 1, size


def month_start(now: datetime) -> datetime:
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def stale_condition(now: datetime) -> ColumnElement[bool]:
    return Client.data_updated_at < now - timedelta(days=current_app.config["STALE_AFTER_DAYS"])


def awaiting_review_condition() -> ColumnElement[bool]:
    """In the review queue (services/reviews keeps `review_open`): the bare column, as the
    partial index on it is written, so the planner uses that index."""
    return Client.review_open


def review_answered_condition(now: datetime) -> ColumnElement[bool]:
    """A review closed within REVIEW_ANSWERED_DAYS (the portfolio's "answered" mark)."""
    since = now - timedelta(days=current_app.config["REVIEW_ANSWERED_DAYS"])
    answered = Client.id.in_(select(ReviewCase.client_id).where(ReviewCase.closed_at >= since))
    return and_(answered, ~Client.review_open)  # a new open case marks it pending


def decided_since(moment: datetime) -> ColumnElement[bool]:
    """A decision since `moment`: the latest decision's time, kept on the client
    (services/client_marks), is an index range for an adviser and for the whole bank."""
    return Client.last_decision_at >= moment


def never_decided_condition() -> ColumnElement[bool]:
    return Client.last_decision_at.is_(None)


def to_do_condition(now: datetime) -> ColumnElement[bool]:
    """What waits for the adviser: data to update, a review answered, no decision yet.

    Written as "not all done" (fresh data, no answered review, decided; no column is NULL, so it
    is the same set): with the three as an OR, SQLite gathers each from its own index and sorts
    the union, where most of a portfolio is to do; this way it walks the portfolio in the grid's
    order (a million-client store: 300 ms to 1 ms for a block of rows)."""
    return ~and_(~stale_condition(now), ~review_answered_condition(now), ~never_decided_condition())


def to_do_reasons(items: list[dict], clients: list[Client], marks: dict[str, str]) -> None:
    """Each listed client's to-do, the same three reasons as to_do_condition, in its order."""
    for item, client in zip(items, clients, strict=True):
        item["review"] = marks.get(item["id"])
        item["to_do"] = [
            reason
            for reason, applies in (
                ("stale", item["stale"]),
                ("review_answered", item["review"] == "answered"),
                ("undecided", client.last_decision_at is None),
            )
            if applies
        ]


def risk_condition(policy, band: str) -> ColumnElement[bool]:
    low, high = policy.band_range(band)
    conditions = [Client.probability.is_not(None)]
    if low is not None:
        conditions.append(Client.probability >= low)
    if high is not None:
        conditions.append(Client.probability < high)
    return and_(*conditions)


def filtered(actor: User, query: PortfolioQuery, now: datetime) -> Select:
    """The actor's clients that a (checked) query selects, unsorted."""
    statement = scoped(select(Client), actor)
    for name, (low, high) in query.ranges.items():
        column = getattr(Client, name)
        if low is not None:
            statement = statement.where(column >= low)
        if high is not None:
            statement = statement.where(column <= high)
    if query.risk:
        statement = statement.where(risk_condition(risk_policy(), query.risk))
    if query.stale_only:
        statement = statement.where(stale_condition(now))
    if query.review_only:
        statement = statement.where(awaiting_review_condition())
    if query.decided_this_month:
        statement = statement.where(decided_since(month_start(now)))
    if query.to_do:
        statement = statement.where(to_do_condition(now))
    return statement


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


def list_clients(
    actor: User, query: PortfolioQuery, with_total: bool = True, total_limit: int | None = None
) -> dict:
    """A page of the actor's clients and their count. `with_total=False` skips the count (None),
    for a grid that knows it from the first block; `total_limit` counts no further than that
    (`total_capped` then says there are more): a count over a million clients stops early."""
    problems = check_query(query)
    if problems:
        raise Invalid("Invalid portfolio query.", {p.field: p.english() for p in problems})
    stale_after = current_app.config["STALE_AFTER_DAYS"]
    now = utcnow()
    statement = filtered(actor, query, now)
    session = current_database().read_session  # the replica's, when there is one
    total, capped = None, False
    if with_total:
        counted = statement if total_limit is None else statement.limit(total_limit + 1)
        total = session.scalar(select(func.count()).select_from(counted.subquery())) or 0
        if total_limit is not None and total > total_limit:
            total, capped = total_limit, True
    column = getattr(Client, query.sort)
    order = column.desc() if query.descending else column.asc()
    page = statement.order_by(order, Client.id).limit(query.per_page)
    clients = list(session.scalars(page.offset((query.page - 1) * query.per_page)))
    policy = risk_policy(required=False)
    items = []
    for client in clients:
        item = client_summary(client, stale_after, now)
        item["risk_band"] = policy.band(client.probability) if policy else None
        items.append(item)
    from app.services.reviews import review_marks  # it reads visible_client from here

    marks = review_marks(session, [c.id for c in clients])
    to_do_reasons(items, clients, {str(k): v for k, v in marks.items()})
    with current_database().transaction():
        audit.record("list_clients", actor.id, details={"client_ids": [i["id"] for i in items]})
    answer = {"items": items, "total": total, "page": query.page, "per_page": query.per_page}
    return answer | ({"total_capped": True} if capped else {})


def view_client(client_id: uuid.UUID, actor: User) -> dict:
    client = visible_client(client_id, actor)
    item = client_summary(client, current_app.config["STALE_AFTER_DAYS"])
    policy = risk_policy(required=False)
    item["risk_band"] = policy.band(client.probability) if policy else None
    with current_database().transaction():
        audit.record("view_client", actor.id, client.id)
    return item


def risk_policy(required: bool = True):
    model = model_service().model
    if model is None:
        if required:
            raise Unavailable("No model is being served: risk bands are unavailable.")
        return None
    return policy_for(model.threshold)
