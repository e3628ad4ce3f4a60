"""The two marks the portfolio filters on, kept on the client (services/client_marks), agree with
the rows they repeat after every writer: a decision, a referral, a client's request, a review
decision, an erasure, a retention purge; random sequences of them on SQLite and PostgreSQL."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

import pytest
from api_helpers import GOOD, RISKY, add_client
from flask import current_app
from sqlalchemy import exists, func, or_, select

from app.database import current_database
from app.models import Client, Decision, ReviewCase, utcnow
from app.services import client_marks, decisions, reviews, rights, scoring
from app.services.portfolio import PortfolioQuery, list_clients, month_start, scoped
from app.services.portfolio_figures import portfolio_figures
from app.services.retention import purge

REAL = "Revenus confirmés par bulletin de salaire, garant solvable."


def source_marks() -> dict[uuid.UUID, tuple]:
    """Each client's latest decision time and open case, straight from decisions and cases."""
    latest = (
        select(func.max(Decision.created_at)).where(Decision.client_id == Client.id)
    ).scalar_subquery()
    is_open = exists().where(ReviewCase.client_id == Client.id, ReviewCase.closed_at.is_(None))
    rows = current_database().session.execute(select(Client.id, latest, is_open))
    return {client_id: (at, bool(flag)) for client_id, at, flag in rows}


def kept_marks() -> dict[uuid.UUID, tuple]:
    session = current_database().session
    session.expire_all()
    rows = session.execute(select(Client.id, Client.last_decision_at, Client.review_open))
    return {client_id: (at, bool(flag)) for client_id, at, flag in rows}


def assert_consistent(step: str) -> None:
    kept, source = kept_marks(), source_marks()
    as_utc = lambda marks: {  # noqa: E731 (SQLite gives naive times back from a bare max())
        k: (at.replace(tzinfo=None) if at else None, flag) for k, (at, flag) in marks.items()
    }
    assert as_utc(kept) == as_utc(source), step


class Clock:
    """The decision service's clock: each decision some days after the previous one, from
    further back than the decisions' retention, so that a purge takes the early ones."""

    def __init__(self, app, rng: random.Random) -> None:
        days = app.config["RETENTION_DECISION_DAYS"]
        self.now, self.rng = utcnow() - timedelta(days=days + 60), rng

    def __call__(self):
        self.now += timedelta(days=self.rng.randrange(0, 500), minutes=1)
        return self.now


def _decide(rng, users, clients):
    adviser = users["adviser"]
    waiting = {c for c, (_, is_open) in kept_marks().items() if is_open}
    free = [c for c in clients if c.id not in waiting and c.id in kept_marks()]
    if free:
        client = rng.choice(free)
        decisions.record_decision(
            client.id, adviser, rng.choice(["approve", "decline", "refer"]), REAL, confirm=True
        )


def _request(rng, users, clients):
    present = [c for c in clients if c.id in kept_marks()]
    if present:
        rights.request_review(rng.choice(present).id, users["adviser"], rng.choice([None, "Non."]))


def _review(rng, users, clients):
    waiting = [c for c, (_, is_open) in kept_marks().items() if is_open]
    if waiting:
        client_id = rng.choice(sorted(waiting))
        reviews.record_review(
            client_id, users["supervisor"], rng.choice(["approve", "decline"]), REAL
        )


def _erase(rng, users, clients):
    present = [c for c in clients if c.id in kept_marks()]
    if len(present) > 2:
        rights.erase_client(rng.choice(present).id, users["admin"], fresh_login=True)


def _purge(rng, users, clients):
    purge()


STEPS = (_decide, _decide, _decide, _request, _review, _review, _erase, _purge)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_marks_follow_every_writer(api_app, users, monkeypatch, seed):
    rng = random.Random(seed)
    monkeypatch.setattr("app.services.decisions.utcnow", Clock(api_app, rng))
    clients = [add_client(users["adviser"], rng.choice([GOOD, RISKY])) for _ in range(5)]
    for client in clients:
        scoring.score_client(client.id, users["adviser"])
    assert_consistent("seeded")
    for number in range(24):
        step = rng.choice(STEPS)
        step(rng, users, clients)
        assert_consistent(f"step {number}: {step.__name__}")
    answers = [kept_marks()[c.id] for c in clients if c.id in kept_marks()]
    assert any(at is not None for at, _ in answers)  # the sequences did decide and queue


def test_a_purge_forgets_a_latest_decision_only_when_every_decision_went(
    api_app, users, monkeypatch
):
    days = api_app.config["RETENTION_DECISION_DAYS"]
    old, recent = (add_client(users["adviser"], GOOD) for _ in range(2))
    for client in (old, recent):
        scoring.score_client(client.id, users["adviser"])
    times = iter(
        [
            utcnow() - timedelta(days=days + 10),  # old: gone by the purge
            utcnow() - timedelta(days=days + 5),  # recent's first: gone too
            utcnow() - timedelta(days=3),  # recent's latest: kept
        ]
    )
    monkeypatch.setattr("app.services.decisions.utcnow", lambda: next(times))
    decisions.record_decision(old.id, users["adviser"], "approve", REAL, confirm=True)
    decisions.record_decision(recent.id, users["adviser"], "decline", REAL, confirm=True)
    decisions.record_decision(recent.id, users["adviser"], "approve", REAL, confirm=True)
    kept_before = kept_marks()[recent.id][0]
    assert purge()["decisions"] == 2
    marks = kept_marks()
    assert marks[old.id] == (None, False)
    assert marks[recent.id][0] == kept_before
    assert_consistent("purged")


def test_resync_repairs_rows_written_outside_the_services(api_app, users):
    """A bulk load of decisions and cases (benchmarks, imports) calls resync afterwards."""
    client = add_client(users["adviser"], GOOD)
    record = scoring.score_client(client.id, users["adviser"])
    now = utcnow()
    with current_database().transaction() as session:
        session.add(
            Decision(
                score_id=uuid.UUID(record["score_id"]),
                client_id=client.id,
                adviser_id=users["adviser"].id,
                decision="refer",
                created_at=now,
            )
        )
        session.add(
            ReviewCase(client_id=client.id, reason="referred", since=now, due=now, decided_by=None)
        )
    assert kept_marks()[client.id] == (None, False)
    with current_database().transaction() as session:
        client_marks.resync(session)
    assert_consistent("resynced")
    assert kept_marks()[client.id][1] is True


def source_filters(actor, now) -> dict[str, set[uuid.UUID]]:
    """The portfolio's three day filters as they read before the marks: straight from the
    decisions and the review cases."""
    answered_since = now - timedelta(days=current_app.config["REVIEW_ANSWERED_DAYS"])
    stale_before = now - timedelta(days=current_app.config["STALE_AFTER_DAYS"])
    open_ids = select(ReviewCase.client_id).where(ReviewCase.closed_at.is_(None))
    answered = select(ReviewCase.client_id).where(ReviewCase.closed_at >= answered_since)
    conditions = {
        "review_only": Client.id.in_(open_ids),
        "decided_this_month": Client.id.in_(
            select(Decision.client_id).where(Decision.created_at >= month_start(now))
        ),
        "to_do": or_(
            Client.data_updated_at < stale_before,
            Client.id.in_(answered) & Client.id.not_in(open_ids),
            Client.id.not_in(select(Decision.client_id)),
        ),
    }
    session = current_database().session
    return {
        name: set(session.scalars(scoped(select(Client.id), actor).where(condition)))
        for name, condition in conditions.items()
    }


def listed(actor, **flags) -> set[uuid.UUID]:
    answer = list_clients(actor, PortfolioQuery(per_page=200, **flags))
    assert answer["total"] == len(answer["items"])
    return {uuid.UUID(item["id"]) for item in answer["items"]}


def test_each_filter_and_figure_answers_as_the_source_tables(api_app, users, monkeypatch):
    adviser, other, supervisor = users["adviser"], users["other"], users["supervisor"]
    now = utcnow()
    start = month_start(now)
    times = iter(
        [start - timedelta(microseconds=1), start, now - timedelta(minutes=5), start, start, now]
    )  # the last one: the review decision
    monkeypatch.setattr("app.services.decisions.utcnow", lambda: next(times))
    last_month, first_instant, today, referred, answered = (
        add_client(adviser, GOOD) for _ in range(5)
    )
    requested, never = add_client(adviser, RISKY), add_client(adviser, GOOD, age_days=400)
    foreign = add_client(other, GOOD)
    for client, decision in (
        (last_month, "approve"),
        (first_instant, "decline"),
        (today, "approve"),
        (referred, "refer"),
        (answered, "refer"),
    ):
        scoring.score_client(client.id, adviser)
        decisions.record_decision(client.id, adviser, decision, REAL, confirm=True)
    reviews.record_review(answered.id, supervisor, "approve", REAL)
    rights.request_review(requested.id, adviser, "Je conteste.")
    rights.request_review(foreign.id, other)
    del never  # stale and never decided: listed by the to-do view only
    for actor in (adviser, supervisor):
        expected = source_filters(actor, utcnow())
        for flag, ids in expected.items():
            assert listed(actor, **{flag: True}) == ids, (actor.role, flag)
        figures = portfolio_figures(actor)
        assert figures["review"] == len(expected["review_only"])
        assert figures["decided"] == len(expected["decided_this_month"])
    decided = {first_instant.id, today.id, referred.id, answered.id}
    assert listed(adviser, decided_this_month=True) == decided
    assert listed(adviser, review_only=True) == {referred.id, requested.id}
