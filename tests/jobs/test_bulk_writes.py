"""Bulk writes (issue 14 §5) store exactly what the ORM would: COPY on PostgreSQL, executemany
on SQLite; each test runs on both. The seed, the client import and the rescoring use them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from sqlalchemy import select

from app.database import current_database
from app.models import Client, ScoreRecord, utcnow
from app.services import bulk
from app.services.rescore import SCORE_COLUMNS
from app.services.seeding import seed_clients
from app.services.users import create_user
from db.seed import synthetic_clients
from modelling.features import FEATURES
from modelling.synthetic import generate

EXPLANATION = {"base_value": -1.5, "reasons": [{"feature": "income", "text": "Revenu : 12 500 €"}]}


def test_records_written_in_bulk_read_back_as_the_orm_wrote_them(app):
    adviser = create_user("adviser@bank.example", "adviser", "Correct-Horse-42")
    (client,) = seed_clients(1, seed=3) and current_database().session.scalars(select(Client))
    when = datetime(2026, 12, 3, 22, 30, 15, 123456, tzinfo=UTC)
    rows = [
        (
            uuid.uuid4(),
            client.id,
            adviser.id,
            {"age": 40},
            0.125,
            "approve",
            0.3,
            "v1",
            EXPLANATION,
            when,
            "v0",  # the challenger's shadow score
            0.0625,
        ),
        # The model switched off: no score, no shadow.
        (
            uuid.uuid4(),
            None,
            None,
            {"age": 41},
            None,
            "manual_review",
            *[None] * 3,
            when,
            None,
            None,
        ),
    ]
    columns = SCORE_COLUMNS  # as the rescoring writes them
    with current_database().transaction() as session:
        assert bulk.insert_rows(session.connection(), ScoreRecord.__table__, columns, rows) == 2
    session = current_database().session
    for row in rows:
        stored = session.get(ScoreRecord, row[0])
        assert tuple(getattr(stored, c) for c in columns) == row


def test_an_update_from_a_staged_load_changes_only_the_named_rows(app):
    create_user("adviser@bank.example", "adviser", "Correct-Horse-42")
    seed_clients(5, seed=4)
    session = current_database().session
    first, second, *others = sorted(session.scalars(select(Client)), key=lambda c: c.id)
    when = utcnow()
    with current_database().transaction() as session:
        bulk.update_from(
            session.connection(),
            Client.__table__,
            "id",
            ("probability", "scored_model_version", "scored_at"),
            [(first.id, 0.25, "v2", when), (second.id, 0.75, "v2", when)],
        )
    session.expire_all()
    assert (first.probability, first.scored_model_version, first.scored_at) == (0.25, "v2", when)
    assert second.probability == 0.75
    assert all(c.probability is None and c.scored_at is None for c in others)


def test_an_upsert_inserts_new_keys_and_updates_stored_ones_but_what_it_keeps(app):
    adviser = create_user("adviser@bank.example", "adviser", "Correct-Horse-42")
    seed_clients(1, seed=5)
    session = current_database().session
    stored = session.scalar(select(Client))
    created, fresh_id, now = stored.created_at, uuid.uuid4(), utcnow()
    features = {f.name: f.minimum if f.name != "age" else 40 for f in FEATURES}
    columns = ("id", "adviser_id", *features, "data_updated_at", "created_at")
    rows = [
        (stored.id, adviser.id, *features.values(), now, now),
        (fresh_id, adviser.id, *features.values(), now, now),
    ]
    with current_database().transaction() as session:
        bulk.upsert(
            session.connection(), Client.__table__, "id", columns, rows, keep=("created_at",)
        )
    session.expire_all()
    assert stored.age == 40 and stored.data_updated_at == now and stored.created_at == created
    added = session.get(Client, fresh_id)
    assert added.created_at == now and added.features() == features


def test_the_seed_stores_exactly_the_generated_portfolio(app):
    """What the generator made is what either store holds, row by row (COPY or executemany)."""
    advisers = [create_user(f"a{i}@bank.example", "adviser", "Correct-Horse-42") for i in (1, 2)]
    assert seed_clients(300, seed=9) == 300
    expected = synthetic_clients(generate(300, seed=9), [a.id for a in advisers], 9)
    stored = {c.id: c for c in current_database().session.scalars(select(Client))}
    assert set(stored) == set(expected["id"])
    for row in expected.to_dict("records"):
        client = stored[row["id"]]
        assert client.adviser_id == row["adviser_id"]
        assert client.features() == pytest.approx({f.name: row[f.name] for f in FEATURES})
        # Generated relative to now: the two generations differ by the time between them.
        generated = pd.Timestamp(row["data_updated_at"]).to_pydatetime()
        assert abs(client.data_updated_at - generated) < timedelta(minutes=1)
        assert client.created_at.tzinfo is not None and client.probability is None
