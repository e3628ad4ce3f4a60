"""The human review queue (GDPR Art. 22(3), AI Act Art. 14).

A referral ("refer") and a client's own request for human review open a case; a supervisor who
neither referred nor first decided the case closes it with the review decision (approve or
decline, justified). The answer is due REVIEW_DUE_DAYS after the case opened (one month, GDPR
Art. 12(3)). Who may do what is the permission table's rule (services/permissions).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, object_session

from app.database import current_database
from app.models import Client, Decision, ReviewCase, Role, User, utcnow
from app.models.review import OUTCOMES, REASONS
from app.services import client_marks, permissions
from app.services.errors import Conflict, Invalid
from app.services.portfolio import visible_client

MAX_CLIENT_VIEW = 2_000  # characters of the client's point of view
MAX_PER_PAGE = 200
MAX_PAGE = 1_000_000  # far beyond any queue; larger numbers overflow the store's integers
PENDING, ANSWERED = "pending", "answered"


def due_days() -> int:
    return int(current_app.config["REVIEW_DUE_DAYS"])


def answered_days() -> int:
    return int(current_app.config["REVIEW_ANSWERED_DAYS"])


def open_case(session: Session, client_id: uuid.UUID) -> ReviewCase | None:
    return session.scalar(
        select(ReviewCase).where(ReviewCase.client_id == client_id, ReviewCase.closed_at.is_(None))
    )


def check_client_view(client_view) -> str | None:
    """The client's point of view: optional text of at most MAX_CLIENT_VIEW characters."""
    if client_view is None:
        return None
    if not isinstance(client_view, str) or len(client_view) > MAX_CLIENT_VIEW:
        raise Invalid(
            "The client's point of view is invalid.",
            {"client_view": f"must be text of at most {MAX_CLIENT_VIEW} characters"},
        )
    return client_view.strip() or None


def _new_case(client_id, reason, actor_id, decided_by, **fields) -> ReviewCase:
    since = utcnow()
    return ReviewCase(
        client_id=client_id,
        reason=reason,
        since=since,
        due=since + timedelta(days=due_days()),
        referred_by=actor_id,
        decided_by=decided_by,
        **fields,
    )


def refer(session: Session, decision: Decision) -> ReviewCase:
    """Queue the client of a "refer" decision, in the decision's transaction."""
    case = _new_case(
        decision.client_id,
        "referred",
        decision.adviser_id,
        decision.adviser_id,
        justification=decision.justification,
    )
    session.add(case)
    client_marks.queued(session.get(Client, decision.client_id), True)
    return case


def request(session: Session, client: Client, actor: User, client_view: str | None) -> ReviewCase:
    """Queue the client's request for human review, in the request's transaction; a client
    already in the queue keeps its case, which gains the client's point of view."""
    case = open_case(session, client.id)
    if case is not None:
        if client_view:
            case.client_view = client_view
        return case
    latest = session.scalar(
        select(Decision.adviser_id)
        .where(Decision.client_id == client.id)
        .order_by(Decision.created_at.desc(), Decision.id)
        .limit(1)
    )
    case = _new_case(client.id, "client_request", actor.id, latest, client_view=client_view)
    session.add(case)
    client_marks.queued(client, True)
    return case


def self_review(case: ReviewCase, actor: User) -> bool:
    """The reviewer referred the case, or wrote the decision under review."""
    return actor.id in {case.decided_by, case.referred_by if case.reason == "referred" else None}


def close(case: ReviewCase, actor: User, outcome: str, justification: str) -> None:
    case.closed_at, case.closed_by = utcnow(), actor.id
    case.outcome, case.review_justification = outcome, justification
    client_marks.queued(object_session(case).get(Client, case.client_id), False)


def check_review(decision, justification) -> str:
    """A review decision is approve or decline, always justified (JUSTIFICATION_MIN_LENGTH)."""
    minimum = int(current_app.config["JUSTIFICATION_MIN_LENGTH"])
    fields = {}
    if not isinstance(decision, str) or decision not in OUTCOMES:
        fields["decision"] = f"must be one of {', '.join(OUTCOMES)}"
    text = justification.strip() if isinstance(justification, str) else None
    if text is None or not minimum <= len(text) or len(justification) > 2_000:
        fields["justification"] = (
            f"must be text of {minimum} to 2000 characters (after trimming): a review is "
            "always justified"
        )
    if fields:
        raise Invalid("The review decision is invalid.", fields)
    return text


def record_review(client_id: uuid.UUID, actor: User, decision, justification) -> dict:
    """The supervisor's review decision: 409 outside the queue, 403 on one's own case."""
    from app.services import decisions  # the decision service records it; it imports us

    permissions.require(actor, "review")
    check_review(decision, justification)
    client = visible_client(client_id, actor)
    require_reviewable(current_database().session, client, actor)
    return decisions.record_decision(client_id, actor, decision, justification)


def _user_emails(session: Session, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.email).where(User.id.in_(wanted))).all())


def case_dict(case: ReviewCase, now: datetime, emails: dict) -> dict:
    return {
        "client_id": str(case.client_id),
        "reason": case.reason,
        "since": case.since.isoformat(),
        "due": case.due.isoformat(),
        "overdue": case.closed_at is None and case.due < now,
        "referred_by": str(case.referred_by) if case.referred_by else None,
        "referred_by_email": emails.get(case.referred_by),
        "justification": case.justification,
        "client_view": case.client_view,
        "closed_at": case.closed_at.isoformat() if case.closed_at else None,
        "closed_by_email": emails.get(case.closed_by),
        "outcome": case.outcome,
        "review_justification": case.review_justification,
    }


def _integer_between(value, low: int, high: int) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return low <= value <= high


def _parse_filters(reason, overdue, page, per_page) -> tuple:
    fields = {}
    if reason is not None and reason not in REASONS:
        fields["reason"] = f"must be one of {', '.join(REASONS)}"
    if overdue is not None and not isinstance(overdue, bool):
        fields["overdue"] = "must be true or false"
    if not _integer_between(page, 1, MAX_PAGE):
        fields["page"] = f"must be an integer between 1 and {MAX_PAGE}"
    if not _integer_between(per_page, 1, MAX_PER_PAGE):
        fields["per_page"] = f"must be an integer between 1 and {MAX_PER_PAGE}"
    if fields:
        raise Invalid("The review queue query is invalid.", fields)
    return reason, overdue, page, per_page


def queue(actor: User, reason=None, overdue=None, page=1, per_page=50) -> dict:
    """The open cases, oldest first, for supervisors and administrators."""
    permissions.require(actor, "view_reviews")
    reason, overdue, page, per_page = _parse_filters(reason, overdue, page, per_page)
    session, now = current_database().session, utcnow()
    where = [ReviewCase.closed_at.is_(None)]
    if reason is not None:
        where.append(ReviewCase.reason == reason)
    if overdue is not None:
        where.append(ReviewCase.due < now if overdue else ReviewCase.due >= now)
    total = session.scalar(select(func.count()).select_from(ReviewCase).where(*where))
    cases = session.scalars(
        select(ReviewCase)
        .where(*where)
        .order_by(ReviewCase.since, ReviewCase.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    emails = _user_emails(session, (c.referred_by for c in cases))
    items = [case_dict(c, now, emails) for c in cases]
    return {"items": items, "total": total, "page": page, "per_page": per_page}


def case_for(client_id: uuid.UUID, actor: User) -> dict | None:
    """The client's open case, for its page (None outside the queue; not audited: the page's
    view is audited already)."""
    client = visible_client(client_id, actor)
    session = current_database().session
    case = open_case(session, client.id)
    if case is None:
        return None
    return case_dict(case, utcnow(), _user_emails(session, [case.referred_by]))


def cases_of(session: Session, client_id: uuid.UUID) -> list[dict]:
    """The client's review cases, newest first, for its history."""
    cases = session.scalars(
        select(ReviewCase)
        .where(ReviewCase.client_id == client_id)
        .order_by(ReviewCase.since.desc())
    ).all()
    emails = _user_emails(session, [u for c in cases for u in (c.referred_by, c.closed_by)])
    now = utcnow()
    return [case_dict(c, now, emails) for c in cases]


def review_marks(session: Session, client_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """For the portfolio: "pending" for a client in the queue, "answered" for one whose review
    closed within REVIEW_ANSWERED_DAYS; clients with neither are absent."""
    ids = list(client_ids)
    if not ids:
        return {}
    since = utcnow() - timedelta(days=answered_days())
    rows = session.execute(
        select(ReviewCase.client_id, ReviewCase.closed_at).where(
            ReviewCase.client_id.in_(ids),
            ReviewCase.closed_at.is_(None) | (ReviewCase.closed_at >= since),
        )
    )
    marks: dict[uuid.UUID, str] = {}
    for client_id, closed_at in rows:
        if closed_at is None:
            marks[client_id] = PENDING
        else:
            marks.setdefault(client_id, ANSWERED)
    return marks


def open_review_count(actor: User) -> int:
    """The queue's size as the actor sees it: every open case for a supervisor or an
    administrator, the cases of their own clients for an adviser."""
    query = select(func.count()).select_from(ReviewCase).where(ReviewCase.closed_at.is_(None))
    if actor.role == Role.ADVISER:
        client = aliased(Client)
        query = query.join(client, client.id == ReviewCase.client_id).where(
            client.adviser_id == actor.id
        )
    return int(current_database().session.scalar(query) or 0)


def require_reviewable(session: Session, client: Client, actor: User) -> ReviewCase:
    """The open case a supervisor reviews: Conflict outside the queue, Forbidden on one's own."""
    case = open_case(session, client.id)
    if case is None:
        raise Conflict(
            "The client is not in the review queue: a supervisor records no first decision.",
            {"client_id": "must be a client awaiting review"},
            code="not_in_review_queue",
        )
    if self_review(case, actor):
        raise permissions.ActionForbidden("review", "own_decision")
    return case
