"""Importing a bank's clients: bad rows reported, idempotent re-import, no reference stored."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select, text

from app.database import current_database
from app.models import Base, Client
from app.services.client_import import ImportFileError, import_clients
from app.services.pseudonymisation import client_uuid

HEADER = "customer_ref,age,income,seniority,incidents,credit_score,data_updated_at,adviser_email"
REF = "FR7612345000"


def _write(tmp_path, *lines, header=HEADER):
    path = tmp_path / "clients.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def test_valid_rows_are_stored_under_the_keyed_hash_of_the_reference(app, adviser, tmp_path):
    path = _write(tmp_path, f"{REF},40,35000,5.5,0,700,2026-06-01,adviser@bank.example")
    report = import_clients(path)
    assert (report.created, report.updated, report.errors) == (1, 0, [])
    client = current_database().session.get(Client, client_uuid(REF))
    assert client.features() == {
        "age": 40,
        "income": 35000.0,
        "seniority": 5.5,
        "incidents": 0,
        "credit_score": 700,
    }
    assert client.adviser_id == adviser.id


@pytest.mark.parametrize(
    ("line", "column", "rule"),
    [
        ("R1,17,35000,0,0,700,2026-06-01,adviser@bank.example", "age", "between 18 and 100"),
        ("R1,40,-5,5,0,700,2026-06-01,adviser@bank.example", "income", "between 0"),
        ("R1,40,35000,abc,0,700,2026-06-01,adviser@bank.example", "seniority", "number"),
        ("R1,40,35000,30,0,700,2026-06-01,adviser@bank.example", "seniority", "age - 14"),
        ("R1,40,35000,5,1.5,700,2026-06-01,adviser@bank.example", "incidents", "integer"),
        ("R1,40,35000,5,0,900,2026-06-01,adviser@bank.example", "credit_score", "300 and 850"),
        ("R1,40,35000,5,0,700,yesterday,adviser@bank.example", "data_updated_at", "ISO 8601"),
        ("R1,40,35000,5,0,700,2999-01-01,adviser@bank.example", "data_updated_at", "future"),
        ("R1,40,35000,5,0,700,2026-06-01,nobody@bank.example", "adviser_email", "active adviser"),
        (",40,35000,5,0,700,2026-06-01,adviser@bank.example", "customer_ref", "required"),
        ("R1,40,,5,0,700,2026-06-01,adviser@bank.example", "income", "required"),
    ],
)
def test_a_bad_row_is_reported_by_line_column_and_rule(app, adviser, tmp_path, line, column, rule):
    good = f"{REF},40,35000,5.5,0,700,2026-06-01,adviser@bank.example"
    report = import_clients(_write(tmp_path, good, line))
    assert report.created == 1
    assert len(report.errors) == 1
    error = report.errors[0]
    assert (error.line, error.column) == (3, column)
    assert rule in error.rule


def test_reimporting_the_same_reference_updates_the_same_client(app, adviser, tmp_path):
    import_clients(_write(tmp_path, f"{REF},40,35000,5.5,0,700,2026-06-01,adviser@bank.example"))
    report = import_clients(
        _write(tmp_path, f"{REF},41,38000,6.5,1,690,2026-09-01,adviser@bank.example")
    )
    assert (report.created, report.updated) == (0, 1)
    session = current_database().session
    assert session.scalar(select(Client.age).where(Client.id == client_uuid(REF))) == 41
    assert len(session.scalars(select(Client.id)).all()) == 1


def test_a_missing_column_stops_the_import_and_stores_nothing(app, adviser, tmp_path):
    path = _write(tmp_path, "R1,40,35000,5,0,700,2026-06-01", header=HEADER.rsplit(",", 1)[0])
    with pytest.raises(ImportFileError, match="adviser_email"):
        import_clients(path)
    assert current_database().session.query(Client).count() == 0


def test_the_customer_reference_is_never_stored_or_logged(app, adviser, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    lines = [
        f"{REF},40,35000,5.5,0,700,2026-06-01,adviser@bank.example",
        f"{REF}9,17,35000,5.5,0,700,2026-06-01,adviser@bank.example",  # rejected row
    ]
    report = import_clients(_write(tmp_path, *lines))
    assert REF not in caplog.text
    assert all(REF not in str(e) for e in report.errors)
    session = current_database().session
    for table in Base.metadata.sorted_tables:
        for row in session.execute(text(f"SELECT * FROM {table.name}")):
            assert REF not in " ".join(map(str, row))
