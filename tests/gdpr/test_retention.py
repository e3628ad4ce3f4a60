"""Retention with a controlled clock: each category goes exactly at its limit, nothing earlier."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.database import current_database
from app.models import AuditEvent, Client, Decision, RevokedToken, ScoreRecord
from app.services import audit
from app.services.retention import preview, purge

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
TICK = timedelta(microseconds=1)


def _count(model) -> int:
    return current_database().session.scalar(select(func.count()).select_from(model))


def _client(adviser, updated_at) -> Client:
    with current_database().transaction() as session:
        client = Client(
            adviser_id=adviser.id,
            age=40,
            income=30_000,
            seniority=5,
            incidents=0,
            credit_score=700,
            data_updated_at=updated_at,
            created_at=updated_at,
        )
        session.add(client)
    return client


def _score(client, at) -> ScoreRecord:
    with current_database().transaction() as session:
        score = ScoreRecord(
            client_id=client.id if client else None,
            inputs={},
            probability=0.1,
            recommendation="favourable",
            threshold=0.1,
            model_version="v",
            created_at=at,
        )
        session.add(score)
    return score


def test_a_client_goes_exactly_when_its_data_is_older_than_the_limit(app, adviser):
    limit = timedelta(days=app.config["RETENTION_CLIENT_DAYS"])
    kept = _client(adviser, NOW - limit)
    gone = _client(adviser, NOW - limit - TICK)
    assert purge(now=NOW)["clients"] == 1
    session = current_database().session
    assert session.get(Client, kept.id) is not None
    assert session.get(Client, gone.id) is None


def test_scores_and_decisions_go_at_their_own_limits(app, adviser):
    client = _client(adviser, NOW)
    score_days = timedelta(days=app.config["RETENTION_SCORE_DAYS"])
    decision_days = timedelta(days=app.config["RETENTION_DECISION_DAYS"])
    old_score = _score(client, NOW - score_days - TICK)
    edge_score = _score(client, NOW - score_days)
    with current_database().transaction() as session:
        session.add(
            Decision(
                score_id=edge_score.id,
                client_id=client.id,
                decision="approve",
                created_at=NOW - decision_days - TICK,
            )
        )
    counts = purge(now=NOW)
    assert counts["scores"] == 1 and counts["decisions"] == 1
    session = current_database().session
    assert session.get(ScoreRecord, old_score.id) is None
    assert session.get(ScoreRecord, edge_score.id) is not None
    assert _count(Decision) == 0


def test_a_score_backing_a_retained_decision_is_kept(app, adviser):
    client = _client(adviser, NOW)
    old = _score(client, NOW - timedelta(days=app.config["RETENTION_SCORE_DAYS"] + 1))
    with current_database().transaction() as session:
        session.add(
            Decision(score_id=old.id, client_id=client.id, decision="approve", created_at=NOW)
        )
    assert purge(now=NOW)["scores"] == 0
    assert current_database().session.get(ScoreRecord, old.id) is not None


def test_audit_events_and_expired_revocations_go(app, adviser, monkeypatch):
    limit = timedelta(days=app.config["RETENTION_AUDIT_DAYS"])
    for at in (NOW - limit - TICK, NOW - limit):  # the chain reads its clock under its lock
        monkeypatch.setattr("app.services.audit_chain.utcnow", lambda at=at: at)
        with current_database().transaction():
            audit.record("view_client", adviser.id)
    monkeypatch.undo()
    with current_database().transaction() as session:
        session.add_all(
            [
                RevokedToken(jti="expired", expires_at=NOW - TICK),
                RevokedToken(jti="live", expires_at=NOW + timedelta(minutes=5)),
            ]
        )
    counts = purge(now=NOW)
    assert (counts["audit"], counts["revoked_tokens"]) == (1, 1)
    assert current_database().session.get(RevokedToken, "live") is not None


def test_dry_run_counts_without_deleting(app, adviser):
    _client(adviser, NOW - timedelta(days=app.config["RETENTION_CLIENT_DAYS"] + 1))
    assert purge(now=NOW, dry_run=True)["clients"] == 1
    assert _count(Client) == 1
    assert {row["category"] for row in preview(NOW)} == {
        "clients",
        "scores",
        "adhoc_scores",
        "outcomes",
        "decisions",
        "audit",
        "revoked_tokens",
    }


def test_the_purge_is_audited_with_counts_only(app, adviser):
    _client(adviser, NOW - timedelta(days=app.config["RETENTION_CLIENT_DAYS"] + 1))
    purge(now=NOW)
    event = current_database().session.scalar(
        select(AuditEvent).where(AuditEvent.action == "purge")
    )
    assert event.details["counts"]["clients"] == 1
    assert event.client_id is None


@pytest.mark.parametrize("setting", ["RETENTION_CLIENT_DAYS", "RETENTION_AUDIT_DAYS"])
def test_retention_periods_come_from_the_configuration(make_app, adviser, setting):
    short = make_app(**{setting: 30})
    with short.app_context():
        rows = {row["category"]: row["days"] for row in preview(NOW)}
    name = {"RETENTION_CLIENT_DAYS": "clients", "RETENTION_AUDIT_DAYS": "audit"}[setting]
    assert rows[name] == 30


def test_the_purge_cli_dry_run_lists_every_category(runner, adviser):
    result = runner.invoke(args=["gdpr", "purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    for name in ("clients", "scores", "adhoc_scores", "decisions", "audit", "revoked_tokens"):
        assert name in result.output


def test_ad_hoc_scores_go_at_their_own_shorter_limit(app, adviser):
    """A score with no stored client (API /score) goes after RETENTION_ADHOC_SCORE_DAYS; a
    client's score of the same age stays (RETENTION_SCORE_DAYS)."""
    limit = timedelta(days=app.config["RETENTION_ADHOC_SCORE_DAYS"])
    client = _client(adviser, NOW - timedelta(days=1))
    kept_adhoc, gone_adhoc = _score(None, NOW - limit), _score(None, NOW - limit - TICK)
    client_score = _score(client, NOW - limit - TICK)
    assert purge(now=NOW, dry_run=True)["adhoc_scores"] == 1
    counts = purge(now=NOW)
    assert (counts["adhoc_scores"], counts["scores"]) == (1, 0)
    session = current_database().session
    assert session.get(ScoreRecord, gone_adhoc.id) is None
    assert session.get(ScoreRecord, kept_adhoc.id) is not None
    assert session.get(ScoreRecord, client_score.id) is not None


def test_an_expired_client_stays_while_a_retained_decision_refers_to_it(app, adviser):
    """Deleting the client would cascade to a decision still within its own retention."""
    client = _client(adviser, NOW - timedelta(days=app.config["RETENTION_CLIENT_DAYS"] + 1))
    decided = NOW - timedelta(days=30)
    score = _score(client, decided)
    with current_database().transaction() as session:
        session.add(
            Decision(score_id=score.id, client_id=client.id, decision="approve", created_at=decided)
        )
    assert purge(now=NOW)["clients"] == 0
    assert current_database().session.get(Client, client.id) is not None
    later = decided + timedelta(days=app.config["RETENTION_DECISION_DAYS"]) + TICK
    counts = purge(now=later)
    assert (counts["decisions"], counts["scores"], counts["clients"]) == (1, 1, 1)
