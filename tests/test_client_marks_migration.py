"""Migration 0014 gives an existing store's clients their two marks from the rows they repeat:
the latest decision's time and whether a review case is open; down again, they go."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from test_review_migration import T0, USERS, _client, _decide

from db.migrate import downgrade, upgrade

CASES = sa.table(
    "review_cases",
    *(sa.column(c) for c in ("reason", "justification")),
    sa.column("id", sa.Uuid()),
    sa.column("client_id", sa.Uuid()),
    sa.column("since", sa.DateTime(timezone=True)),
    sa.column("due", sa.DateTime(timezone=True)),
    sa.column("closed_at", sa.DateTime(timezone=True)),
)


@pytest.fixture
def engine(database_url):
    engine = sa.create_engine(database_url)
    yield engine
    engine.dispose()


def _case(connection, client_id, closed_at=None) -> None:
    connection.execute(
        sa.insert(CASES).values(
            id=uuid.uuid4(),
            client_id=client_id,
            reason="referred",
            since=T0,
            due=T0 + timedelta(days=30),
            closed_at=closed_at,
        )
    )


def _as_utc(value):
    if value is None:
        return None
    value = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite: naive


def test_the_marks_are_backfilled_and_go_on_downgrade(engine):
    downgrade(engine, "0013")
    adviser_id = uuid.uuid4()
    with engine.begin() as connection:
        connection.execute(
            sa.insert(USERS).values(
                id=adviser_id,
                email="adviser@bank.example",
                password_hash="x",
                role="adviser",
                active=True,
                session_generation=0,
                created_at=T0,
            )
        )
        twice, queued, answered, never = (_client(connection, adviser_id) for _ in range(4))
        _decide(connection, twice, adviser_id, "approve", T0 + timedelta(days=2))
        _decide(connection, twice, adviser_id, "decline", T0)  # an older one, inserted later
        _decide(connection, queued, adviser_id, "refer", T0)
        _case(connection, queued)
        _decide(connection, answered, adviser_id, "refer", T0)
        _case(connection, answered, closed_at=T0 + timedelta(days=1))
    upgrade(engine)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT id, last_decision_at, review_open FROM clients"))
        marks = {uuid.UUID(str(i)): (_as_utc(at), bool(is_open)) for i, at, is_open in rows}
    assert marks == {
        twice: (T0 + timedelta(days=2), False),
        queued: (T0, True),
        answered: (T0, False),
        never: (None, False),
    }
    downgrade(engine, "0013")
    columns = {c["name"] for c in sa.inspect(engine).get_columns("clients")}
    assert not {"last_decision_at", "review_open"} & columns
    indexes = {i["name"] for i in sa.inspect(engine).get_indexes("clients")}
    assert not any("last_decision_at" in name or "review_open" in name for name in indexes)
    assert "ix_clients_income" not in indexes and "ix_clients_adviser_income" in indexes
    upgrade(engine)  # back to head, as every other test expects


def test_an_analysed_sqlite_store_gets_statistics_for_the_new_indexes(tmp_path):
    """Without them, SQLite's planner guessed ten rows per adviser for the new index and sorted
    every portfolio it listed (docs/performance.md, the portfolio)."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'analysed.db'}")
    upgrade(engine, "0013")
    adviser_id = uuid.uuid4()
    with engine.begin() as connection:
        connection.execute(
            sa.insert(USERS).values(
                id=adviser_id,
                email="adviser@bank.example",
                password_hash="x",
                role="adviser",
                active=True,
                session_generation=0,
                created_at=T0,
            )
        )
        for _ in range(3):
            _client(connection, adviser_id)
        connection.exec_driver_sql("ANALYZE")
    upgrade(engine)
    with engine.connect() as connection:
        analysed = set(connection.exec_driver_sql("SELECT idx FROM sqlite_stat1").scalars())
    engine.dispose()
    assert {"ix_clients_adviser_last_decision_at", "ix_clients_income"} <= analysed
