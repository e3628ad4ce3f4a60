"""Migration 0011 gives the clients already awaiting review their case in the new queue: an open
request (reason client_request, since the request) and a latest decision "refer" (reason
referred, with its author and justification); a client decided since gets none."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from db.migrate import downgrade, upgrade

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
USERS = sa.table(
    "users",
    *(sa.column(c) for c in ("email", "password_hash", "role", "active", "session_generation")),
    sa.column("id", sa.Uuid()),
    sa.column("created_at", sa.DateTime(timezone=True)),
)
CLIENT_COLUMNS = ("age", "income", "seniority", "incidents", "credit_score")
CLIENTS = sa.table(
    "clients",
    *(sa.column(c) for c in CLIENT_COLUMNS),
    sa.column("id", sa.Uuid()),
    sa.column("adviser_id", sa.Uuid()),
    sa.column("data_updated_at", sa.DateTime(timezone=True)),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("review_requested_at", sa.DateTime(timezone=True)),
)
SCORES = sa.table(
    "score_records",
    sa.column("id", sa.Uuid()),
    sa.column("client_id", sa.Uuid()),
    sa.column("inputs", sa.JSON()),
    sa.column("recommendation"),
    sa.column("created_at", sa.DateTime(timezone=True)),
)
DECISIONS = sa.table(
    "decisions",
    *(sa.column(c) for c in ("decision", "justification", "human_review")),
    sa.column("id", sa.Uuid()),
    sa.column("score_id", sa.Uuid()),
    sa.column("client_id", sa.Uuid()),
    sa.column("adviser_id", sa.Uuid()),
    sa.column("created_at", sa.DateTime(timezone=True)),
)
FEATURES = {"age": 40, "income": 30_000, "seniority": 5, "incidents": 0, "credit_score": 700}


@pytest.fixture
def engine(database_url):
    engine = sa.create_engine(database_url)
    yield engine
    engine.dispose()


def _client(connection, adviser_id, requested_at=None) -> uuid.UUID:
    client_id = uuid.uuid4()
    connection.execute(
        sa.insert(CLIENTS).values(
            id=client_id,
            adviser_id=adviser_id,
            data_updated_at=T0,
            created_at=T0,
            review_requested_at=requested_at,
            **FEATURES,
        )
    )
    return client_id


def _decide(connection, client_id, adviser_id, decision, when, justification=None) -> None:
    score_id = uuid.uuid4()
    connection.execute(
        sa.insert(SCORES).values(
            id=score_id,
            client_id=client_id,
            inputs=FEATURES,
            recommendation="review",
            created_at=when,
        )
    )
    connection.execute(
        sa.insert(DECISIONS).values(
            id=uuid.uuid4(),
            score_id=score_id,
            client_id=client_id,
            adviser_id=adviser_id,
            decision=decision,
            justification=justification,
            human_review=False,
            created_at=when,
        )
    )


def test_the_clients_awaiting_review_get_their_case(engine):
    downgrade(engine, "0010")
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
        referred = _client(connection, adviser_id)
        _decide(connection, referred, adviser_id, "refer", T0, "Second regard demandé.")
        requested = _client(connection, adviser_id, requested_at=T0 + timedelta(days=3))
        _decide(connection, requested, adviser_id, "decline", T0)
        decided_since = _client(connection, adviser_id)
        _decide(connection, decided_since, adviser_id, "refer", T0)
        _decide(connection, decided_since, adviser_id, "approve", T0 + timedelta(days=1))
    upgrade(engine)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT client_id, reason, since, due, referred_by, decided_by, justification, "
                "closed_at FROM review_cases"
            )
        ).all()
    cases = {uuid.UUID(str(r[0])): r for r in rows}
    assert set(cases) == {referred, requested}
    by_reason = {r[1]: r for r in rows}
    as_uuid = lambda value: uuid.UUID(str(value))  # noqa: E731 (SQLite gives hex strings)
    referral, request = by_reason["referred"], by_reason["client_request"]
    assert as_uuid(referral[0]) == referred and referral[6] == "Second regard demandé."
    assert as_uuid(referral[4]) == as_uuid(referral[5]) == adviser_id
    assert as_uuid(request[0]) == requested and request[4] is None
    assert as_uuid(request[5]) == adviser_id  # the decision the client contests
    for row, since in ((referral, T0), (request, T0 + timedelta(days=3))):
        opened = row[2] if isinstance(row[2], datetime) else datetime.fromisoformat(row[2])
        due = row[3] if isinstance(row[3], datetime) else datetime.fromisoformat(row[3])
        opened = opened if opened.tzinfo else opened.replace(tzinfo=UTC)  # SQLite: naive
        assert opened == since and due.replace(tzinfo=opened.tzinfo) - opened == timedelta(days=30)
        assert row[7] is None  # open
