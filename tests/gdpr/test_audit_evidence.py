"""The audit trail as evidence: whoever can write to the database but holds neither AUDIT_KEY nor
the signed checkpoints cannot rewrite the chain, delete from it or cut its newest events off
without `flask audit verify` naming the seq and the kind of tampering; a purge is no false alarm;
on PostgreSQL the web process's role can append to the trail and do nothing else to it."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from audit_helpers import as_owner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, ProgrammingError

from app.clock import checkpoint_once
from app.database import current_database
from app.services import audit
from app.services.audit_chain import CHAIN_CONTEXT, GENESIS, derived_key, digest, plain_digest
from app.services.audit_checkpoints import checkpoint_path, sign, write
from app.services.audit_verify import verify
from app.services.retention import purge
from db.roles import web_role_statements


@pytest.fixture
def app(one_chain_app):
    """One chain: these tests name events by their seq (tests/conftest.py: one_chain_app)."""
    return one_chain_app


def _record(count: int) -> list[int]:
    """`count` events; their seqs."""
    seqs = []
    for i in range(count):
        with current_database().transaction():
            event = audit.record("view_client", uuid.uuid4(), uuid.uuid4(), details={"n": i})
        seqs.append(event.seq)
    return seqs


def _verify(runner, *args):
    result = runner.invoke(args=["audit", "verify", *args])
    return result.exit_code, result.output


def _events():
    from app.models import AuditEvent

    session = current_database().session
    events = list(session.query(AuditEvent).order_by(AuditEvent.seq))
    session.expunge_all()
    session.rollback()
    return events


def _rechain(app, digest_of, from_seq: int) -> None:
    """Edit the event at `from_seq`, recompute every link from there and move the head."""
    events = _events()
    statements, previous = [], None
    for event in events:
        if event.seq == from_seq:
            event.details = {"n": 999}
        if event.seq >= from_seq:
            event.prev_hash = previous.hash if previous else GENESIS
            event.hash = digest_of(event.prev_hash, event)
            statements.append(
                (
                    "UPDATE audit_events SET details = :d, prev_hash = :p, hash = :h "
                    "WHERE seq = :s",
                    {
                        "d": json.dumps(event.details),
                        "p": event.prev_hash,
                        "h": event.hash,
                        "s": event.seq,
                    },
                )
            )
        previous = event
    statements.append(("UPDATE audit_head SET hash = :h WHERE id = 1", {"h": previous.hash}))
    as_owner(app, *statements)


WRONG_KEY = derived_key("a key the intruder guessed, not AUDIT_KEY", CHAIN_CONTEXT)


@pytest.mark.parametrize(
    "forger",
    [plain_digest, lambda prev, event: digest(WRONG_KEY, prev, event)],
    ids=["plain-sha256", "another-key"],
)
def test_a_chain_rewritten_without_the_key_is_detected(app, runner, forger):
    _record(5)
    _rechain(app, forger, from_seq=2)
    code, output = _verify(runner)
    assert code == 1
    assert (
        "audit chain rewritten in chain 1 at seq 2: content does not match its keyed hash" in output
    )


def test_the_same_rewrite_with_the_key_would_pass_so_the_key_is_what_protects(app, runner):
    """The control of the test above: the intruder's edits themselves are not what fails."""
    _record(5)
    key = derived_key(app.config["AUDIT_KEY"], CHAIN_CONTEXT)
    _rechain(app, lambda prev, event: digest(key, prev, event), from_seq=2)
    code, output = _verify(runner)
    assert code == 0, output


def test_a_cut_off_tail_with_the_head_moved_back_is_caught_by_the_checkpoint(app, runner):
    seqs = _record(5)
    write("hourly")
    third = next(e for e in _events() if e.seq == seqs[2])
    as_owner(
        app,
        ("DELETE FROM audit_events WHERE seq > :s", {"s": seqs[2]}),
        (
            "UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1",
            {"s": third.seq, "h": third.hash},
        ),
    )
    code, output = _verify(runner)
    assert code == 1
    assert (
        "audit chain tail_cut in chain 1 at seq 4: events 4 to 5 are missing after the last one"
        in output
    )
    assert "(the checkpoint of" in output


def test_a_head_row_reset_is_detected(app, runner):
    _record(3)
    as_owner(app, ("UPDATE audit_head SET seq = 0, hash = :g WHERE id = 1", {"g": GENESIS}))
    code, output = _verify(runner)
    assert code == 1
    assert (
        "audit chain head_reset in chain 1 at seq 3: the head row (seq 0) does not name" in output
    )


def test_deleting_the_oldest_events_is_not_taken_for_a_purge(app, runner):
    _record(4)
    as_owner(app, ("DELETE FROM audit_events WHERE seq <= 2", {}))
    code, output = _verify(runner)
    assert code == 1
    assert (
        "audit chain deleted in chain 1 at seq 1: events 1 to 2 are missing before the first one"
        in output
    )


def _old_then_recent(app, monkeypatch, old: int, recent: int) -> datetime:
    now = datetime.now(UTC)
    long_ago = now - timedelta(days=app.config["RETENTION_AUDIT_DAYS"] + 1)
    monkeypatch.setattr("app.services.audit_chain.utcnow", lambda: long_ago)
    _record(old)
    monkeypatch.undo()
    _record(recent)
    return now


def test_a_purge_after_checkpoints_is_not_a_false_alarm(app, runner, monkeypatch):
    now = _old_then_recent(app, monkeypatch, old=3, recent=2)
    write("hourly")  # pins seq 5; seqs 1-3 then go with the purge
    assert purge(now=now)["audit"] == 3
    code, output = _verify(runner)
    assert code == 0, output
    assert "audit chain intact: 3 events verified, up to the checkpoint of" in output
    assert "(6 events)" in output  # the purge's own checkpoint pins its event


def test_a_purge_does_not_hide_a_deletion_of_recent_events(app, runner, monkeypatch):
    now = _old_then_recent(app, monkeypatch, old=2, recent=3)
    as_owner(app, ("DELETE FROM audit_events WHERE seq = 4", {}))
    purge(now=now)
    code, output = _verify(runner)
    assert code == 1
    assert (
        "audit chain deleted in chain 1 at seq 4: event 4 is missing between two others" in output
    )


@pytest.mark.parametrize("forgery", ["another-key", "edited-seq", "not-a-checkpoint"])
def test_a_forged_checkpoint_is_detected(app, runner, forgery):
    _record(2)
    genuine = write("hourly")
    path = checkpoint_path()
    if forgery == "another-key":
        forged = sign([(1, 9, "f" * 64)], genuine.time, "hourly")
        line = forged.line().replace(forged.signature, "0" * 64)
    elif forgery == "edited-seq":
        line = genuine.line().replace('"heads":[[1,2,', '"heads":[[1,1,')
        assert line != genuine.line()
    else:
        line = "seq=2 head=" + genuine.head(1)[1]
    with path.open("a", encoding="utf-8") as file:
        file.write(line + "\n")
    code, output = _verify(runner)
    assert code == 1 and "audit chain forged_checkpoint" in output


def test_hourly_checkpoints_are_log_lines_that_verify_can_read(app, runner, caplog, tmp_path):
    """The log drain's copy alone is enough: pasted log lines pin the tail as the file does."""
    seqs = _record(3)
    with caplog.at_level(logging.INFO, logger="app.audit"):
        checkpoint = checkpoint_once(app)
    assert checkpoint.head(1)[0] == seqs[-1] and checkpoint.reason == "hourly"
    logged = [r.getMessage() for r in caplog.records if "audit checkpoint {" in r.getMessage()]
    assert len(logged) == 1
    pasted = tmp_path / "from-the-logs.txt"
    pasted.write_text("2026-12-03T10:00:00Z app[clock.1]: " + logged[0] + "\n", encoding="utf-8")
    checkpoint_path().unlink()  # the file copy is gone too
    second = _events()[1]
    as_owner(
        app,
        ("DELETE FROM audit_events WHERE seq = :s", {"s": seqs[-1]}),
        ("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1", {"s": 2, "h": second.hash}),
    )
    assert _verify(runner)[0] == 0  # without a checkpoint nothing shows the missing tail
    code, output = _verify(runner, "--checkpoints", str(pasted))
    assert code == 1 and "audit chain tail_cut in chain 1 at seq 3: event 3 is missing" in output


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_bad_cli_arguments_are_named_and_nothing_is_claimed(runner, tmp_path):
    """A mistyped checkpoint path must not read as "intact, no checkpoint"."""
    missing = tmp_path / "no-such-checkpoints.jsonl"
    result = runner.invoke(args=["audit", "verify", "--checkpoints", str(missing)])
    assert result.exit_code == 2 and "--checkpoints" in result.output
    assert "does not exist" in result.output and "intact" not in result.output
    result = runner.invoke(args=["audit", "web-role-sql", "web; DROP TABLE clients"])
    assert result.exit_code == 2 and "ROLE" in result.output
    assert "lower-case PostgreSQL identifier" in result.output and "GRANT" not in result.output


def test_an_event_the_head_did_not_number_is_refused(app):
    """An INSERT that bypasses the head (a made-up seq) is refused by the database itself."""
    _record(1)
    with pytest.raises(DBAPIError, match="seq"):
        as_owner(
            app,
            (
                "INSERT INTO audit_events (action, created_at, seq, prev_hash, hash) "
                "VALUES ('login', :t, 7, :g, :g)",
                {"t": datetime.now(UTC), "g": GENESIS},
            ),
        )


def test_an_events_time_is_read_once_its_place_in_the_chain_is_taken(app, monkeypatch):
    """Times taken under the head's lock follow seq order, so the purge's cut by time is a
    prefix of the chain."""
    seen = []

    def clock():
        head = text("SELECT seq FROM audit_head WHERE id = 1")
        seen.append(current_database().session.connection().execute(head).scalar_one())
        return datetime.now(UTC)

    monkeypatch.setattr("app.services.audit_chain.utcnow", clock)
    monkeypatch.setattr("app.services.audit.utcnow", clock, raising=False)
    _record(2)
    assert seen == [1, 2]  # the head had already moved to the event's seq


def test_verify_in_the_service_names_the_kind(app):
    _record(3)
    as_owner(app, ("DELETE FROM audit_events WHERE seq = 2", {}))
    result = verify(current_database().session)
    assert (result.ok, result.broken_seq, result.kind) == (False, 2, "deleted")


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_the_web_role_appends_to_the_trail_and_cannot_change_it(make_app):
    """The role of docs/security.md: INSERT and SELECT only on the audit tables."""
    owner_app = make_app()
    role = f"credit_web_{uuid.uuid4().hex[:8]}"
    owner = create_engine(owner_app.config["DATABASE_URL"])
    with owner.begin() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
        for statement in web_role_statements(role):
            connection.execute(text(statement))
    web_url = make_url(owner_app.config["DATABASE_URL"]).set(username=role)
    web_url = web_url.render_as_string(hide_password=False)
    web_app = None
    try:
        web_app = make_app(DATABASE_URL=web_url)
        with web_app.app_context():
            _record(2)  # appending works: a head moves through the owner's functions
            result = verify(current_database().session)  # and reading
            assert result.ok and result.checked == 2, result.reason
        web = create_engine(web_url)
        refused = [
            "UPDATE audit_events SET action = 'login'",
            "DELETE FROM audit_events",
            "TRUNCATE audit_events",
            "UPDATE audit_head SET seq = 0",
            "DELETE FROM audit_head",
            "INSERT INTO audit_head (id, seq, hash) VALUES (99, 0, 'x')",
        ]
        for statement in refused:
            with pytest.raises(ProgrammingError, match="permission denied"), web.begin() as c:
                c.execute(text(statement))
        web.dispose()
        with web_app.app_context():
            assert verify(current_database().session).checked == 2  # nothing was changed
    finally:
        if web_app is not None:
            web_app.extensions["database"].dispose()
        with owner.begin() as connection:
            connection.execute(text(f"DROP OWNED BY {role}"))
            connection.execute(text(f"DROP ROLE {role}"))
        owner.dispose()
