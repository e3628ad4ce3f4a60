"""Fill the store with the synthetic portfolio, and the demo accounts of `make run`."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import func, select

from app.database import current_database
from app.models import Client, Role, User
from app.services.models import model_service
from app.services.refresh import refresh_scores
from app.services.users import active_advisers, count_users, create_user
from db.seed import insert_clients, synthetic_clients
from modelling.synthetic import generate

DEMO_PASSWORD = "Demo-Conseil-2026"  # noqa: S105 - documented demo log-in, refused in production
DEMO_ACCOUNTS = (
    ("conseiller1@demo.example", Role.ADVISER),
    ("conseiller2@demo.example", Role.ADVISER),
    ("conseiller3@demo.example", Role.ADVISER),
    ("superviseur@demo.example", Role.SUPERVISOR),
    ("admin@demo.example", Role.ADMIN),
)
DEMO_CLIENTS = 10_000


class SeedError(RuntimeError):
    """Seeding cannot run as asked; the message says why and what to do."""


@dataclass
class DemoResult:
    accounts: list[tuple[str, str]] = field(default_factory=list)
    clients: int = 0
    scored: int = 0


def count_clients() -> int:
    return current_database().session.scalar(select(func.count(Client.id))) or 0


def seed_clients(n: int, seed: int = 42) -> int:
    """Generate n synthetic clients and spread them over the active advisers' portfolios."""
    if n < 1:
        raise SeedError("--clients must be at least 1")
    advisers = active_advisers()
    if not advisers:
        raise SeedError(
            "no active adviser to hold the clients: create one with "
            "`flask --app wsgi users create EMAIL --role adviser` first"
        )
    frame = synthetic_clients(generate(n, seed=seed), [a.id for a in advisers], seed)
    # The load runs on a connection of its own and may rebuild the clients' indexes: end this
    # session's read transaction first, or on PostgreSQL the DDL would wait for it forever.
    current_database().session.commit()
    return insert_clients(current_database().engine, frame)


def ensure_demo(n_clients: int = DEMO_CLIENTS) -> DemoResult:
    """Create the demo accounts and clients when the store is empty; never in production."""
    if current_app.config["APP_ENV"] == "production":
        raise SeedError("demo accounts are refused in production")
    result = DemoResult()
    if count_users() == 0:
        for email, role in DEMO_ACCOUNTS:
            create_user(email, role, DEMO_PASSWORD)
            result.accounts.append((email, role.value))
    if count_clients() == 0:
        result.clients = seed_clients(n_clients)
        if model_service().model is not None:  # so that the risk-band filter works at once
            result.scored = refresh_scores()
    return result


def demo_welcome(url: str) -> list[str]:
    """What `make run` prints once the server listens: where to go and the demo log-ins that
    exist in this store (none outside development, where demo accounts are never made)."""
    if current_app.config["APP_ENV"] != "development":
        return []
    session = current_database().session
    emails = [email for email, _role in DEMO_ACCOUNTS]
    found = {
        user.email: user.role.value
        for user in session.scalars(select(User).where(User.email.in_(emails), User.active))
    }
    session.rollback()  # the master forks the workers next: leave no transaction open
    lines = [f"Open {url} in a browser."]
    if found:
        lines.append(f"Demo log-ins (password {DEMO_PASSWORD}):")
        lines += [f"  {email:<28} {found[email]}" for email in emails if email in found]
    return lines
