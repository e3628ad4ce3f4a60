"""The database itself refuses impossible clients, whatever path the data takes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from app.database import current_database
from app.models import Client
from modelling.features import FEATURES

VALID = {"age": 40, "income": 35_000.0, "seniority": 5.0, "incidents": 0, "credit_score": 700}

OUT_OF_RANGE = [(f.name, bad) for f in FEATURES for bad in (f.minimum - 1, f.maximum + 1)] + [
    ("seniority", 27.0)
]  # age 40: at most 26 years in the job


def _insert(adviser, **features):
    row = VALID | features | {"adviser_id": adviser.id, "data_updated_at": datetime.now(UTC)}
    with current_database().transaction() as session:
        session.execute(insert(Client).values(**row))


def test_a_valid_client_is_stored(adviser):
    _insert(adviser)
    assert current_database().session.query(Client).count() == 1


@pytest.mark.parametrize(("name", "value"), OUT_OF_RANGE)
def test_each_range_is_enforced_by_a_check_constraint(adviser, name, value):
    with pytest.raises(IntegrityError, match=r"ck_clients|CHECK constraint"):
        _insert(adviser, **{name: value})
    assert current_database().session.query(Client).count() == 0
