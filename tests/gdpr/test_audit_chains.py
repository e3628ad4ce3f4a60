"""Several audit chains (issue 14 §3): audited writes spread over AUDIT_CHAINS heads instead of
queueing on one row, and `audit verify` still finds a deleted, inserted, moved or reordered
event in any chain, a cut tail pinned by a checkpoint, and tells a purge apart from a deletion."""

from __future__ import annotations

import hmac
import json
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from audit_helpers import as_owner
from sqlalchemy import create_engine, select, text

from app.database import current_database
from app.models import AuditEvent
from app.services import audit
from app.services.audit_chain import CHECKPOINT_CONTEXT, derived_key
from app.services.audit_checkpoints import Checkpoint, checkpoint_path, write
from app.services.retention import purge

EVENTS = 64  # over 8 chains at random: every chain used by more than one is all but certain


def _record(count: int) -> list[AuditEvent]:
    events = []
    for i in range(count):
        with current_database().transaction():
            events.append(audit.record("view_client", uuid.uuid4(), uuid.uuid4(), details={"n": i}))
    return events


def _by_chain(events) -> dict[int, list[AuditEvent]]:
    chains: dict[int, list[AuditEvent]] = {}
    for event in events:
        chains.setdefault(event.chain, []).append(event)
    return chains


def _a_chain_with(events, at_least: int, other_than: int | None = None) -> int:
    """A chain other than 1 (so findings cannot come from the single-chain case by accident)."""
    chains = _by_chain(events)
    return next(
        c for c in sorted(chains) if c not in (1, other_than) and len(chains[c]) >= at_least
    )


def _verify(runner):
    result = runner.invoke(args=["audit", "verify"])
    return result.exit_code, result.output


def test_events_spread_over_the_chains_each_numbered_without_gaps(app, runner):
    events = _record(EVENTS)
    chains = _by_chain(events)
    assert len(chains) > 1 and set(chains) <= set(range(1, 9)), sorted(chains)
    for chain, members in chains.items():
        assert [e.seq for e in members] == list(range(1, len(members) + 1)), chain
        links = [e.prev_hash for e in members[1:]]
        assert links == [e.hash for e in members[:-1]], chain  # each links to its own chain
    code, output = _verify(runner)
    assert code == 0 and f"audit chain intact: {EVENTS} events verified" in output, output


def test_a_transaction_keeps_the_one_chain_it_took(app):
    for _ in range(5):
        with current_database().transaction():
            events = [audit.record("view_client", uuid.uuid4(), uuid.uuid4()) for _ in range(4)]
        assert len({e.chain for e in events}) == 1
        assert [e.seq for e in events] == list(range(events[0].seq, events[0].seq + 4))


def test_deleting_an_event_inside_any_chain_is_named_with_its_chain(app, runner):
    events = _record(EVENTS)
    chain = _a_chain_with(events, 3)
    as_owner(app, ("DELETE FROM audit_events WHERE chain = :c AND seq = 2", {"c": chain}))
    code, output = _verify(runner)
    assert code == 1
    assert f"audit chain deleted in chain {chain} at seq 2: event 2 is missing" in output


def test_moving_an_event_to_another_chain_is_detected(app, runner):
    events = _record(EVENTS)
    source = _a_chain_with(events, 2)
    target = _a_chain_with(events, 1, other_than=source)
    last = _by_chain(events)[source][-1]
    after = len(_by_chain(events)[target]) + 1
    as_owner(
        app,
        (
            "UPDATE audit_events SET chain = :t, seq = :s WHERE id = :id",
            {"t": target, "s": after, "id": last.id},
        ),
    )
    code, output = _verify(runner)
    assert code == 1
    first = min(source, target)  # chains are walked in order; each one is broken
    kind = "tail_cut" if first == source else "rewritten"
    assert f"audit chain {kind} in chain {first} at seq" in output, output


def test_swapping_two_events_of_a_chain_is_detected(app, runner):
    events = _record(EVENTS)
    chain = _a_chain_with(events, 3)
    second, third = _by_chain(events)[chain][1:3]
    swap = "UPDATE audit_events SET seq = :s WHERE id = :id"
    as_owner(
        app,
        (swap, {"s": -1, "id": second.id}),
        (swap, {"s": 2, "id": third.id}),
        (swap, {"s": 3, "id": second.id}),
    )
    code, output = _verify(runner)
    assert code == 1
    assert (
        f"audit chain rewritten in chain {chain} at seq 2: does not link to the event before it"
        in output
    )


def test_an_event_inserted_without_the_key_is_detected(app, runner):
    events = _record(EVENTS)
    chain = _a_chain_with(events, 1)
    last = _by_chain(events)[chain][-1]
    forged = {
        "c": chain,
        "s": last.seq + 1,
        "p": last.hash,
        "h": "f" * 64,
        "t": datetime.now(UTC).replace(tzinfo=None),
    }
    as_owner(  # the head moved first: the insert trigger accepts only the seq the head gave
        app,
        ("UPDATE audit_head SET seq = :s WHERE id = :c", forged),
        (
            "INSERT INTO audit_events (chain, seq, action, created_at, prev_hash, hash) "
            "VALUES (:c, :s, 'export', :t, :p, :h)",
            forged,
        ),
    )
    code, output = _verify(runner)
    assert code == 1
    assert f"audit chain rewritten in chain {chain} at seq {last.seq + 1}" in output, output


def test_a_cut_tail_with_its_head_moved_back_is_caught_by_the_checkpoint(app, runner):
    events = _record(EVENTS)
    chain = _a_chain_with(events, 3)
    *_, before, last = _by_chain(events)[chain]
    write("hourly")  # pins every chain's head
    as_owner(
        app,
        ("DELETE FROM audit_events WHERE id = :id", {"id": last.id}),
        (
            "UPDATE audit_head SET seq = :s, hash = :h WHERE id = :c",
            {"s": before.seq, "h": before.hash, "c": chain},
        ),
    )
    code, output = _verify(runner)
    assert code == 1
    assert (
        f"audit chain tail_cut in chain {chain} at seq {last.seq}: event {last.seq} is missing "
        "after the last one" in output
    )


def test_a_purge_over_several_chains_is_not_a_false_alarm(app, runner, monkeypatch):
    long_ago = datetime.now(UTC) - timedelta(days=app.config["RETENTION_AUDIT_DAYS"] + 1)
    monkeypatch.setattr("app.services.audit_chain.utcnow", lambda: long_ago)
    old = _record(EVENTS)
    monkeypatch.undo()
    recent = _record(EVENTS // 2)
    write("hourly")
    assert purge()["audit"] == EVENTS
    session = current_database().session
    details = session.scalar(select(AuditEvent.details).where(AuditEvent.action == "purge"))
    for chain, members in _by_chain(old).items():  # each chain's anchor: its first kept event
        assert details["anchors"][str(chain)]["seq"] == members[-1].seq + 1
        assert details["anchors"][str(chain)]["prev_hash"] == members[-1].hash
    code, output = _verify(runner)
    assert code == 0, output
    assert f"audit chain intact: {len(recent) + 1} events verified" in output
    # A deletion among the kept events is still found after the purge.
    chain = _a_chain_with(recent, 2)
    kept = _by_chain(recent)[chain]
    as_owner(app, ("DELETE FROM audit_events WHERE id = :id", {"id": kept[0].id}))
    code, output = _verify(runner)
    assert code == 1 and f"audit chain deleted in chain {chain}" in output, output


def test_a_checkpoint_of_the_single_chain_format_still_pins_chain_one(make_app):
    app = make_app(AUDIT_CHAINS=1)
    with app.app_context():
        events = _record(3)
        unsigned = Checkpoint(((1, events[-1].seq, events[-1].hash),), "t", "hourly", legacy=True)
        key = derived_key(app.config["AUDIT_KEY"], CHECKPOINT_CONTEXT)
        signature = hmac.digest(key, unsigned.payload(), "sha256").hex()
        line = {"seq": events[-1].seq, "head": events[-1].hash, "time": "t", "reason": "hourly"}
        path = checkpoint_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(line | {"signature": signature}) + "\n")
        runner = app.test_cli_runner()
        assert _verify(runner)[0] == 0
        as_owner(
            app,
            ("DELETE FROM audit_events WHERE id = :id", {"id": events[-1].id}),
            (
                "UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1",
                {"s": events[1].seq, "h": events[1].hash},
            ),
        )
        code, output = _verify(runner)
        assert code == 1 and "audit chain tail_cut in chain 1 at seq 3" in output, output


def _wait_for(condition, what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
        time.sleep(0.02)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("chains", [8, 1])
def test_an_audited_write_does_not_wait_for_another_transactions_head(make_app, chains):
    """With several chains, a second audited transaction appends while the first still holds
    its head; with one chain (the old design) it queues behind it, as PostgreSQL's lock table
    shows."""
    app = make_app(AUDIT_CHAINS=chains)
    holding, release, second_done = threading.Event(), threading.Event(), threading.Event()
    pids: dict[str, int] = {}

    def first() -> None:
        with app.app_context(), current_database().transaction() as session:
            audit.record("view_client", uuid.uuid4(), uuid.uuid4())
            pids["first"] = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            holding.set()
            release.wait(30)

    def second() -> None:
        holding.wait(30)
        with app.app_context():
            with current_database().transaction() as session:
                pids["second"] = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
                audit.record("view_client", uuid.uuid4(), uuid.uuid4())
            second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    observer = create_engine(app.config["DATABASE_URL"])
    try:
        if chains > 1:
            _wait_for(second_done.is_set, "the second write while the first holds its head")
            assert not release.is_set()
        else:

            def second_waits_on_a_lock() -> bool:
                with observer.connect() as db:
                    return bool(
                        db.execute(
                            text(
                                "SELECT 1 FROM pg_stat_activity WHERE pid = :pid "
                                "AND wait_event_type = 'Lock'"
                            ),
                            {"pid": pids.get("second", -1)},
                        ).first()
                    )

            _wait_for(second_waits_on_a_lock, "the second write queued on the one head")
            assert not second_done.is_set()
    finally:
        release.set()
        for thread in threads:
            thread.join(30)
        observer.dispose()
    assert second_done.is_set()
    with app.app_context():
        counts = Counter(current_database().session.scalars(select(AuditEvent.chain)))
        assert sum(counts.values()) == 2 and (len(counts) == 2) == (chains > 1), counts
