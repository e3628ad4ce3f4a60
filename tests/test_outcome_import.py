"""`flask --app wsgi outcomes import FILE.csv --by EMAIL`: each bad line reported by number and
reason, nothing stored from a file with a bad line unless --skip-invalid, customer references
resolved through the pseudonymisation (rotated-out keys too), re-import updates, the role of
--by checked by the service."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from dashboard_helpers import add_client
from sqlalchemy import func, select

from app.database import current_database
from app.models import AuditEvent, Outcome
from app.services.pseudonymisation import client_uuid
from app.services.users import create_user

PASSWORD = "Correct-Horse-42"
HEADER = "customer_ref,client_id,defaulted,observed_at"
REF = "FR7612345000"
TOMORROW = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()


@pytest.fixture
def people(app):
    return {
        role: create_user(f"{role}@bank.example", role, PASSWORD)
        for role in ("adviser", "supervisor", "admin")
    }


@pytest.fixture
def book(people):
    """A client imported from the reference REF, and one known by its id only."""
    return {
        "ref": add_client(people["adviser"], client_id=client_uuid(REF)),
        "id": add_client(people["adviser"]),
    }


def write(tmp_path, *lines, header=HEADER):
    path = tmp_path / "outcomes.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return str(path)


def run(runner, path, by="supervisor@bank.example", *extra):
    return runner.invoke(args=["outcomes", "import", path, "--by", by, *extra])


def stored() -> dict:
    rows = current_database().session.execute(
        select(Outcome.client_id, Outcome.observed_at, Outcome.defaulted, Outcome.source)
    )
    return {(r.client_id, r.observed_at): (r.defaulted, r.source) for r in rows}


def test_a_clean_file_is_stored_and_audited_with_counts_only(runner, people, book, tmp_path):
    path = write(tmp_path, f"{REF},,1,2026-05-31", f",{book['id'].id},0,2026-04-30")
    result = run(runner, path)
    assert result.exit_code == 0, result.output
    assert "2 created, 0 updated, 0 rows rejected" in result.output
    assert stored() == {
        (book["ref"].id, date(2026, 5, 31)): (True, "import"),
        (book["id"].id, date(2026, 4, 30)): (False, "import"),
    }
    assert REF not in result.output
    session = current_database().session
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "outcome_import"))
    assert event.actor_id == people["supervisor"].id
    assert event.details == {"created": 2, "updated": 0, "rejected": 0}
    recorders = set(session.scalars(select(Outcome.recorded_by)))
    assert recorders == {people["supervisor"].id}


BAD_LINES = [
    (f"{REF},,yes,2026-05-31", "defaulted", "must be 0 or 1"),
    (f"{REF},,2,2026-05-31", "defaulted", "must be 0 or 1"),
    (f"{REF},,,2026-05-31", "defaulted", "must be 0 or 1"),
    (f"{REF},,1,{TOMORROW}", "observed_at", "must not be in the future"),
    (f"{REF},,1,31/05/2026", "observed_at", "must be a date YYYY-MM-DD"),
    (f"{REF},,1,", "observed_at", "must be a date YYYY-MM-DD"),
    ("UNKNOWN-REF,,1,2026-05-31", "customer_ref", "no client with this reference"),
    (f",{uuid.uuid4()},1,2026-05-31", "client_id", "no such client"),
    (",not-a-uuid,1,2026-05-31", "client_id", "must be a UUID"),
    (",,1,2026-05-31", "customer_ref", "customer_ref or client_id is required"),
    (f"{REF},{uuid.uuid4()},1,2026-05-31", "client_id", "give customer_ref or client_id, not both"),
    (f"{REF},,1,2026-05-31,extra", "*", "has more cells than the header"),
]


def test_each_bad_line_is_reported_and_nothing_is_stored(runner, people, book, tmp_path):
    good = f",{book['id'].id},0,2026-04-30"
    path = write(tmp_path, good, *(line for line, _, _ in BAD_LINES))
    result = run(runner, path)
    assert result.exit_code == 1
    for number, (_, column, rule) in enumerate(BAD_LINES, start=3):  # header 1, good line 2
        assert f"rejected: line {number}, column {column}: {rule}" in result.output
    assert f"nothing stored: {len(BAD_LINES)} rows rejected" in result.output
    assert stored() == {}
    count = select(func.count()).where(AuditEvent.action == "outcome_import")
    assert current_database().session.scalar(count) == 0


def test_skip_invalid_stores_the_good_lines_only(runner, people, book, tmp_path):
    path = write(tmp_path, f",{book['id'].id},0,2026-04-30", "UNKNOWN-REF,,1,2026-05-31")
    result = run(runner, path, "admin@bank.example", "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "rejected: line 3, column customer_ref: no client with this reference" in result.output
    assert "1 created, 0 updated, 1 rows rejected" in result.output
    assert stored() == {(book["id"].id, date(2026, 4, 30)): (False, "import")}


def test_importing_again_updates_instead_of_doubling(runner, people, book, tmp_path):
    assert run(runner, write(tmp_path, f"{REF},,0,2026-05-31")).exit_code == 0
    result = run(runner, write(tmp_path, f"{REF},,1,2026-05-31"))
    assert "0 created, 1 updated" in result.output
    assert stored() == {(book["ref"].id, date(2026, 5, 31)): (True, "import")}


def test_a_reference_under_a_rotated_out_key_finds_its_client(make_app, tmp_path):
    old_key = "test-pseudonymisation-key-" + "x" * 32
    rotated = make_app(
        PSEUDONYMISATION_KEY="a-new-pseudonymisation-key-" + "y" * 32,
        PSEUDONYMISATION_KEY_VERSION=2,
        PSEUDONYMISATION_PREVIOUS_KEYS={1: old_key},
    )
    with rotated.app_context():
        adviser = create_user("adviser@bank.example", "adviser", PASSWORD)
        create_user("supervisor@bank.example", "supervisor", PASSWORD)
        client = add_client(adviser, client_id=client_uuid(REF, old_key))
        result = run(rotated.test_cli_runner(), write(tmp_path, f"{REF},,1,2026-05-31"))
        assert result.exit_code == 0, result.output
        assert stored() == {(client.id, date(2026, 5, 31)): (True, "import")}


@pytest.mark.parametrize(
    ("by", "message"),
    [
        ("adviser@bank.example", "must be the e-mail of a supervisor or admin"),
        ("nobody@bank.example", "must be the e-mail of an active user"),
        ("not an e-mail", "valid e-mail"),
    ],
)
def test_only_a_supervisor_or_an_admin_imports(runner, people, book, tmp_path, by, message):
    result = run(runner, write(tmp_path, f"{REF},,1,2026-05-31"), by)
    assert result.exit_code == 2
    assert "--by" in result.output and message in result.output
    assert stored() == {}


def test_a_file_without_an_id_column_is_refused_whole(runner, people, tmp_path):
    result = run(runner, write(tmp_path, "1,2026-05-31", header="defaulted,observed_at"))
    assert result.exit_code == 2
    assert "missing column(s): customer_ref or client_id" in result.output
