"""The figures at the top of the portfolio (an adviser's day): clients, high risk, data to
update, awaiting review, decided this month. Each is a count in SQL over the actor's visible
portfolio, with the very condition its filter applies, so a figure and its list always agree.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select

from app.database import current_database
from app.models import Client, User, utcnow
from app.services.portfolio import (
    awaiting_review_condition,
    decided_since,
    month_start,
    risk_condition,
    risk_policy,
    scoped,
    stale_condition,
)

FIGURES = ("clients", "high", "stale", "review", "decided")


def _count(actor: User, condition: ColumnElement[bool] | None = None) -> int:
    statement = scoped(select(func.count()).select_from(Client), actor)
    if condition is not None:
        statement = statement.where(condition)
    return current_database().read_session.scalar(statement) or 0  # the replica, if any


def portfolio_figures(actor: User) -> dict[str, int | None]:
    """Each figure of the strip; "high" is None while no model serves (no risk bands then)."""
    now = utcnow()
    policy = risk_policy(required=False)
    figures = {
        "clients": _count(actor),
        "high": _count(actor, risk_condition(policy, "high")) if policy else None,
        "stale": _count(actor, stale_condition(now)),
        "review": _count(actor, awaiting_review_condition()),
        "decided": _count(actor, decided_since(month_start(now))),
    }
    return figures
