"""One lock order for every audited transaction: the action's rows (client rows included) first,
the audit chain's head last. A decision that closes a review request and a client score both
write the client row and the head; taken in opposite orders, PostgreSQL would find a deadlock
and abort one of them (an acknowledged action lost to the adviser)."""

from __future__ import annotations

import threading

import pytest
from dashboard_helpers import GOOD, PASSWORD, add_client
from sqlalchemy import update

from app.database import current_database
from app.models import Client, Decision, ScoreRecord
from app.services.audit_verify import verify
from app.services.decisions import record_decision
from app.services.rights import request_review
from app.services.scoring import score_client
from app.services.users import create_user

ROUNDS = 200
WHY = "Revue humaine : dossier relu, revenus et historique vérifiés."


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_decision_and_a_client_score_on_one_client_never_deadlock(dash_app):
    adviser = create_user("lock-order@bank.example", "adviser", PASSWORD)
    # Two reviewers in turn: a reviewer never answers a contest of their own review.
    reviewers = [
        create_user(f"lock-order-{i}@bank.example", "supervisor", PASSWORD) for i in (0, 1)
    ]
    client = add_client(adviser, GOOD)
    score_client(client.id, adviser)
    failures: list[BaseException] = []

    def act(start: threading.Barrier, action) -> None:
        with dash_app.app_context():  # its own session, as a request of its own worker
            try:
                start.wait(timeout=30)
                action()
            except BaseException as exc:
                failures.append(exc)

    for round_ in range(ROUNDS):
        # New data each round: the client score below is a new state, so it writes a score
        # record and the client row (one score per state would otherwise reuse the last one).
        with current_database().transaction() as session:
            income = GOOD["income"] + round_ + 1
            session.execute(update(Client).where(Client.id == client.id).values(income=income))
        request_review(client.id, adviser)  # the supervisor's decision will close it
        start = threading.Barrier(2)
        decision, reviewer = ("approve" if round_ % 2 else "decline"), reviewers[round_ % 2]
        threads = [
            threading.Thread(
                target=act,
                args=(
                    start,
                    lambda d=decision, r=reviewer: record_decision(client.id, r, d, WHY, True),
                ),
            ),
            threading.Thread(target=act, args=(start, lambda: score_client(client.id, adviser))),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not failures, f"round {round_}: {failures[0]!r}"

    session = current_database().session
    assert session.query(Decision).filter_by(client_id=client.id).count() == ROUNDS
    assert session.query(ScoreRecord).filter_by(client_id=client.id).count() == ROUNDS + 1
    assert verify(session).ok
