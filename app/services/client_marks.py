"""Two facts about a client that the portfolio filters on, kept on the client itself.

`clients.last_decision_at` (the latest decision's time) and `clients.review_open` (a review case
is open) repeat what the decisions and review cases say, so that "decided this month", "never
decided" and "awaiting review" are index ranges of the clients' table instead of a lookup in
another table for each of an adviser's fifty thousand clients. Every writer of those rows keeps
them: the decision service, the review queue, the retention purge (an erasure deletes the client
itself); a bulk load of decisions or cases outside the services calls `resync`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, false, func, select, true, update
from sqlalchemy.orm import Session

from app.models import Client, Decision, ReviewCase


def decided(client: Client, at: datetime) -> None:
    """A decision was recorded on the client at `at` (in the caller's transaction)."""
    if client.last_decision_at is None or client.last_decision_at < at:
        client.last_decision_at = at


def queued(client: Client, is_open: bool) -> None:
    """The client entered (True) or left (False) the review queue."""
    client.review_open = is_open


def latest_decision_at() -> ColumnElement:
    """The client's latest decision's time, from the decisions themselves (None: never)."""
    return (
        select(func.max(Decision.created_at))
        .where(Decision.client_id == Client.id)
        .scalar_subquery()
    )


def in_review_queue() -> ColumnElement[bool]:
    """Whether the client has an open review case, from the cases themselves."""
    return (
        select(ReviewCase.id)
        .where(ReviewCase.client_id == Client.id, ReviewCase.closed_at.is_(None))
        .exists()
    )


def resync(session: Session, where: Iterable[ColumnElement[bool]] = ()) -> None:
    """Recompute both facts from the decisions and review cases for the clients that `where`
    selects (all by default), in the caller's transaction. For writers that change those rows in
    bulk (the retention purge, a bulk load); one UPDATE per fact, each touching only the clients
    whose value changes."""
    where = list(where)
    latest = latest_decision_at()
    session.execute(
        update(Client)
        .where(*where, Client.last_decision_at.is_distinct_from(latest))
        .values(last_decision_at=latest),
        execution_options={"synchronize_session": False},
    )
    for value, condition in ((true(), in_review_queue()), (false(), ~in_review_queue())):
        session.execute(
            update(Client)
            .where(*where, Client.review_open.is_distinct_from(value), condition)
            .values(review_open=value),
            execution_options={"synchronize_session": False},
        )
