"""Evidence that the credit decisions are human (CJEU C-634/21, AI Act Art. 14).

A score that advisers follow every time, without reading why, is in effect the decision. For
supervisors and administrators: per adviser and per month, how often the decision went against
the recommendation (the override rate) and how many decisions were taken without the
explanation having been served to their author first (Decision.explanation_opened, set by the
decision service from the audit trail).
"""

from __future__ import annotations

from sqlalchemy import and_, case, func, select

from app.database import current_database
from app.models import Decision, ScoreRecord, User
from app.services import permissions

CLEAR_CUT = ("favourable", "unfavourable")  # the advice a decision can go against
MONTHS_SHOWN = 12


def _month(dialect: str):
    """The decision's month as "YYYY-MM" (UTC, as stored), in the database's own function."""
    if dialect == "postgresql":
        return func.to_char(func.timezone("UTC", Decision.created_at), "YYYY-MM")
    return func.strftime("%Y-%m", Decision.created_at)


def _counts():
    against = and_(
        Decision.decision.in_(("approve", "decline")),
        case(
            (ScoreRecord.recommendation == "favourable", Decision.decision == "decline"),
            (ScoreRecord.recommendation == "unfavourable", Decision.decision == "approve"),
            else_=False,
        ),
    )
    clear_cut = and_(
        Decision.decision.in_(("approve", "decline")), ScoreRecord.recommendation.in_(CLEAR_CUT)
    )
    return (
        func.count().label("decisions"),
        func.sum(case((clear_cut, 1), else_=0)).label("clear_cut"),
        func.sum(case((against, 1), else_=0)).label("overrides"),
        func.sum(case((Decision.explanation_opened.is_(False), 1), else_=0)).label("unexplained"),
        func.sum(case((Decision.explanation_opened.is_(None), 1), else_=0)).label("unknown"),
    )


def _row(key: str, value, counts) -> dict:
    decisions, clear_cut, overrides, unexplained, unknown = (int(c or 0) for c in counts)
    known = decisions - unknown
    return {
        key: value,
        "decisions": decisions,
        "clear_cut": clear_cut,
        "overrides": overrides,
        "override_rate": overrides / clear_cut if clear_cut else None,
        "unexplained": unexplained,
        "unexplained_share": unexplained / known if known else None,
        "unknown": unknown,
    }


def decision_evidence(actor: User) -> dict:
    """The first decisions (not the supervisors' reviews) by adviser, and by month (the
    latest MONTHS_SHOWN)."""
    permissions.require(actor, "oversight_evidence")
    session = current_database().session
    base = (
        select()
        .select_from(Decision)
        .join(ScoreRecord, ScoreRecord.id == Decision.score_id)
        .where(Decision.human_review.is_(False))
    )
    by_adviser = session.execute(
        base.add_columns(User.email, *_counts())
        .outerjoin(User, User.id == Decision.adviser_id)
        .group_by(User.email)
        .order_by(User.email)
    ).all()
    month = _month(session.get_bind().dialect.name).label("month")
    by_month = session.execute(
        base.add_columns(month, *_counts())
        .group_by(month)
        .order_by(month.desc())
        .limit(MONTHS_SHOWN)
    ).all()
    return {
        "by_adviser": [_row("adviser_email", r[0], r[1:]) for r in by_adviser],
        "by_month": [_row("month", r[0], r[1:]) for r in by_month],
    }
