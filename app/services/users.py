"""Creating and finding users. Only the e-mail, a password hash and a role are held."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.database import current_database
from app.models import Role, User
from app.services import audit, web_sessions
from app.services.passwords import check_policy, hash_password

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class UserError(ValueError):
    """Invalid user data; the message names the field and the rule."""


def normalise_email(email: str) -> str:
    email = email.strip().lower()
    if not EMAIL_PATTERN.match(email) or len(email) > 254:
        raise UserError("email must be a valid e-mail address")
    return email


def create_user(email: str, role: str | Role, password: str) -> User:
    email = normalise_email(email)
    try:
        role = Role(role)
    except ValueError:
        raise UserError(f"role must be one of {', '.join(r.value for r in Role)}") from None
    check_policy(password, email)
    with current_database().transaction() as session:
        if session.scalar(select(User.id).where(User.email == email)) is not None:
            raise UserError("email is already used by another user")
        user = User(email=email, role=role, password_hash=hash_password(password), active=True)
        session.add(user)
    return user


def find_by_email(email: str) -> User | None:
    session = current_database().session
    return session.scalar(select(User).where(User.email == email.strip().lower()))


def active_advisers() -> list[User]:
    session = current_database().session
    query = select(User).where(User.role == Role.ADVISER, User.active.is_(True))
    return list(session.scalars(query.order_by(User.email)))


def count_users() -> int:
    return current_database().session.scalar(select(func.count(User.id))) or 0


def list_users() -> list[User]:
    return list(current_database().session.scalars(select(User).order_by(User.email)))


def set_active(user_id, active: bool) -> User | None:
    """Deactivate (or reactivate) an account. Deactivation ends its dashboard sessions and
    every API token, refresh tokens included: reactivating it does not bring them back."""
    with current_database().transaction() as session:
        user = session.get(User, user_id)
        if user is not None:
            user.active = active
            if not active:
                _end_sessions(session, user)
            audit.record("user_update", None, details={"user_id": str(user.id), "active": active})
    return user


def set_password(email: str, password: str) -> User:
    """A new password (checked against the policy); every session and token of the user ends."""
    user = find_by_email(normalise_email(email))
    if user is None:
        raise UserError("email does not name a user")
    check_policy(password, user.email)
    with current_database().transaction() as session:
        user.password_hash = hash_password(password)
        _end_sessions(session, user)
        audit.record("user_update", None, details={"user_id": str(user.id), "password": "set"})
    return user


def _end_sessions(session: Session, user: User) -> None:
    # A new generation refuses every older API token; the dashboard's sessions are deleted.
    user.session_generation += 1
    web_sessions.end_all(session, user.id)
