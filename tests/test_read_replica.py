"""A read replica (issue 14 §6): with DATABASE_REPLICA_URL the portfolio's list and figures are
read from the replica, through the API and the service alike, while writes (the audit event of
the listing included) stay on the primary.

The replica here is a snapshot of the primary taken before a client was added: a replica that
lags. What the reads return tells which store answered.
"""

from __future__ import annotations

import shutil

import pytest
from dashboard_helpers import GOOD, PASSWORD, add_client
from flask_jwt_extended import create_access_token
from sqlalchemy import create_engine, func, select, text

from app.database import current_database
from app.models import AuditEvent
from app.services.portfolio import PortfolioQuery, list_clients
from app.services.portfolio_figures import portfolio_figures
from app.services.users import create_user


@pytest.fixture
def lagging_replica(make_app, database_url, tmp_path):
    """(primary app, app with the replica, the adviser): two clients on both, one more on the
    primary only."""
    if not database_url.startswith("sqlite"):
        pytest.fail("this fixture snapshots a SQLite file; run it with the sqlite database_url")
    primary = make_app()
    with primary.app_context():
        adviser = create_user("replica@bank.example", "adviser", PASSWORD)
        add_client(adviser, GOOD)
        add_client(adviser, GOOD)
        current_database().engine.dispose()  # every write on disk before the copy
    replica = tmp_path / "replica.db"
    shutil.copy(database_url.removeprefix("sqlite:///"), replica)
    with primary.app_context():
        add_client(adviser, GOOD)
    with_replica = make_app(DATABASE_REPLICA_URL=f"sqlite:///{replica}")
    return primary, with_replica, adviser, replica


def _audited_listings(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as db:
        count = db.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "list_clients")
        ).scalar_one()
    engine.dispose()
    return count


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_portfolio_reads_from_the_replica_and_writes_to_the_primary(lagging_replica):
    primary, with_replica, adviser, replica = lagging_replica
    with primary.app_context():
        assert list_clients(adviser, PortfolioQuery())["total"] == 3
        assert portfolio_figures(adviser)["clients"] == 3
    with with_replica.app_context():
        assert list_clients(adviser, PortfolioQuery())["total"] == 2  # the replica answered
        assert portfolio_figures(adviser)["clients"] == 2
    assert _audited_listings(primary.config["DATABASE_URL"]) == 2  # both listings audited there
    assert _audited_listings(f"sqlite:///{replica}") == 0  # nothing written to the replica


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_api_lists_from_the_replica_too(lagging_replica):
    _, with_replica, adviser, _ = lagging_replica
    with with_replica.app_context():
        claims = {"role": adviser.role.value}
        token = create_access_token(identity=str(adviser.id), additional_claims=claims)
        response = with_replica.test_client().get(
            "/api/v1/clients", headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["total"] == 2


def test_without_a_replica_reads_use_the_primary_session(app):
    database = current_database()
    assert database.replica_engine is None and database.read_session is database.session
    assert database.read_session.execute(text("SELECT 1")).scalar_one() == 1
