"""Outcomes are personal data: in the client's export with the date each goes, erased with the
client, and purged at their own limit (RETENTION_OUTCOME_DAYS from the day observed), keeping a
client whose data expired while one of its outcomes is still kept."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from dashboard_helpers import PASSWORD, add_client
from sqlalchemy import func, select

from app.database import current_database
from app.models import Client, Outcome
from app.services import rights
from app.services.outcomes import record_outcome
from app.services.retention import purge
from app.services.users import create_user

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def staff(app):
    return {
        role: create_user(f"{role}@bank.example", role, PASSWORD)
        for role in ("adviser", "supervisor", "admin")
    }


def add_outcome(client, observed: date, defaulted: bool = True) -> Outcome:
    with current_database().transaction() as session:
        outcome = Outcome(
            client_id=client.id,
            defaulted=defaulted,
            observed_at=observed,
            recorded_at=datetime.now(UTC),
            source="import",
        )
        session.add(outcome)
    return outcome


def count_outcomes() -> int:
    return current_database().session.scalar(select(func.count()).select_from(Outcome))


def test_the_export_lists_the_clients_outcomes_with_their_retention(app, staff):
    client = add_client(staff["adviser"])
    record_outcome(client.id, staff["supervisor"], True, "2026-05-31")
    add_outcome(add_client(staff["adviser"]), date(2026, 5, 31))  # another client's
    document = rights.export_client(client.id, staff["adviser"], fresh_login=True)
    (outcome,) = document["outcomes"]
    days = app.config["RETENTION_OUTCOME_DAYS"]
    assert outcome["defaulted"] is True and outcome["observed_at"] == "2026-05-31"
    assert outcome["source"] == "api"
    assert outcome["kept_until"] == (date(2026, 5, 31) + timedelta(days=days)).isoformat()


def test_erasing_the_client_erases_its_outcomes(app, staff):
    client = add_client(staff["adviser"])
    other = add_client(staff["adviser"])
    add_outcome(client, date(2026, 5, 31))
    add_outcome(other, date(2026, 5, 31))
    rights.erase_client(client.id, staff["admin"], fresh_login=True)
    session = current_database().session
    assert session.scalar(select(func.count()).where(Outcome.client_id == client.id)) == 0
    assert count_outcomes() == 1


def test_outcomes_go_at_their_own_limit(app, staff):
    limit = app.config["RETENTION_OUTCOME_DAYS"]
    client = add_client(staff["adviser"])
    edge = NOW.date() - timedelta(days=limit)
    kept = add_outcome(client, edge)
    gone = add_outcome(client, edge - timedelta(days=1))
    assert purge(now=NOW, dry_run=True)["outcomes"] == 1
    assert purge(now=NOW)["outcomes"] == 1
    session = current_database().session
    assert session.get(Outcome, gone.id) is None
    assert session.get(Outcome, kept.id) is not None


def test_a_client_stays_while_an_outcome_of_it_is_kept(app, staff):
    expired = NOW - timedelta(days=app.config["RETENTION_CLIENT_DAYS"] + 1)
    with_outcome = add_client(staff["adviser"])
    without = add_client(staff["adviser"])
    with current_database().transaction() as session:
        for client in (with_outcome, without):
            session.get(Client, client.id).data_updated_at = expired
    add_outcome(with_outcome, NOW.date() - timedelta(days=10))
    assert purge(now=NOW)["clients"] == 1
    session = current_database().session
    assert session.get(Client, with_outcome.id) is not None
    assert session.get(Client, without.id) is None
