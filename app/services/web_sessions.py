"""Dashboard sessions kept on the server, so that they can end.

The signed cookie only carries a random token; the row it names (by SHA-256) holds the user and
two times. A session ends at log-out, after SESSION_IDLE_MINUTES without a request, after
SESSION_MAX_HOURS in all, and when the user is deactivated or given a new password. An ended
session is deleted: the old cookie then gets what an anonymous browser gets.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import bindparam, delete, or_, select, update
from sqlalchemy.orm import Session

from app.database import current_database
from app.models import User, WebSession
from app.services import clock

# last_seen_at is written at most once a minute: not one UPDATE per Dash callback.
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class ActiveSession:
    user: User
    logged_in_at: datetime


@dataclass(frozen=True)
class NewSession:
    token: str  # for the signed cookie; the server keeps only its SHA-256
    logged_in_at: datetime


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _idle() -> timedelta:
    return timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])


def _lifetime() -> timedelta:
    return timedelta(hours=current_app.config["SESSION_MAX_HOURS"])


def _ended(now: datetime):
    return or_(
        WebSession.last_seen_at <= now - _idle(), WebSession.logged_in_at <= now - _lifetime()
    )


def start(user: User) -> NewSession:
    """A new session for a user who just gave their password."""
    token, now = secrets.token_urlsafe(32), clock.now()
    with current_database().transaction() as session:
        session.execute(delete(WebSession).where(_ended(now)))  # forget expired sessions
        session.add(WebSession(id=_key(token), user_id=user.id, logged_in_at=now, last_seen_at=now))
    return NewSession(token, now)


_LOOKUP = (
    select(User, WebSession)
    .join(WebSession, WebSession.user_id == User.id)
    .where(WebSession.id == bindparam("key"))
)


def resume(token: str | None, user_id: str) -> ActiveSession | None:
    """The session this cookie names, if it is still alive; one query per request."""
    if not token:
        return None
    database = current_database()
    row = database.session.execute(_LOOKUP, {"key": _key(token)}).first()
    if row is None:
        return None
    user, record = row
    now = clock.now()
    idle, aged = now - record.last_seen_at >= _idle(), now - record.logged_in_at >= _lifetime()
    if str(user.id) != user_id or not user.active or idle or aged:
        end(token)
        return None
    if now - record.last_seen_at >= TOUCH_EVERY:
        with database.transaction() as session:
            session.execute(
                update(WebSession).where(WebSession.id == record.id).values(last_seen_at=now)
            )
    return ActiveSession(user, record.logged_in_at)


def end(token: str | None) -> None:
    if token:
        with current_database().transaction() as session:
            session.execute(delete(WebSession).where(WebSession.id == _key(token)))


def end_all(session: Session, user_id: uuid.UUID) -> None:
    """Inside the caller's transaction: every session of this user ends with it."""
    session.execute(delete(WebSession).where(WebSession.user_id == user_id))


def is_fresh(logged_in_at: datetime | None, minutes: float) -> bool:
    """Whether the password was given within the last `minutes`."""
    if logged_in_at is None:
        return False
    return clock.now() - logged_in_at <= timedelta(minutes=minutes)
