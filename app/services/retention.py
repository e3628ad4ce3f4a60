"""Storage limitation (GDPR Art. 5.1.e): what has outlived its retention period, and the purge.

One category at a time, each in its own transaction, so a failure in one leaves the others
consistent. The purge writes one audit event with the counts (never an identifier of what went)
and the anchor of the audit chain (the link of the first event it kept), in the transaction that
deletes the old audit events, then a signed checkpoint: `audit verify` tells a purge apart from
a deletion. Ad-hoc scores (no stored client: API /score) have a shorter retention of their own.
Nothing goes before its own limit: a score that backs a decision still within its retention is
kept until that decision goes, and a client whose data has expired is kept while a retained
score or decision still refers to it (deleting it would cascade to them).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import ColumnElement, delete, exists, func, select

from app.database import current_database
from app.models import AuditEvent, Client, Decision, Outcome, RevokedToken, ScoreRecord, utcnow
from app.services import audit, client_marks
from app.services import audit_checkpoints as checkpoints
from app.services.audit_chain import HEAD
from app.services.audit_verify import purge_anchor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Category:
    name: str
    model: type
    setting: str | None  # retention setting in days; None: the row's own expiry date

    def expired(self, now: datetime) -> ColumnElement[bool]:
        if self.model is RevokedToken:
            return RevokedToken.expires_at < now
        cutoff = now - timedelta(days=current_app.config[self.setting])
        if self.model is Client:
            return (Client.data_updated_at < cutoff) & ~_still_referenced(now)
        if self.model is Outcome:  # counted from the day the outcome was observed
            return Outcome.observed_at < cutoff.date()
        if self.name == "adhoc_scores":
            return ScoreRecord.client_id.is_(None) & (ScoreRecord.created_at < cutoff)
        if self.model is ScoreRecord:
            backs_a_decision = exists().where(Decision.score_id == ScoreRecord.id)
            client_score = ScoreRecord.client_id.is_not(None)
            return client_score & (ScoreRecord.created_at < cutoff) & ~backs_a_decision
        return self.model.created_at < cutoff


def _still_referenced(now: datetime) -> ColumnElement[bool]:
    """The client has a score, a decision or an outcome that is itself still within its
    retention."""
    config = current_app.config
    scores = now - timedelta(days=config["RETENTION_SCORE_DAYS"])
    decisions = now - timedelta(days=config["RETENTION_DECISION_DAYS"])
    outcomes = (now - timedelta(days=config["RETENTION_OUTCOME_DAYS"])).date()
    return (
        exists().where(ScoreRecord.client_id == Client.id, ScoreRecord.created_at >= scores)
        | exists().where(Decision.client_id == Client.id, Decision.created_at >= decisions)
        | exists().where(Outcome.client_id == Client.id, Outcome.observed_at >= outcomes)
    )


# Order matters: decisions before the scores they reference, clients last (cascade).
CATEGORIES = (
    Category("decisions", Decision, "RETENTION_DECISION_DAYS"),
    Category("scores", ScoreRecord, "RETENTION_SCORE_DAYS"),
    Category("adhoc_scores", ScoreRecord, "RETENTION_ADHOC_SCORE_DAYS"),
    Category("outcomes", Outcome, "RETENTION_OUTCOME_DAYS"),
    Category("clients", Client, "RETENTION_CLIENT_DAYS"),
    Category("audit", AuditEvent, "RETENTION_AUDIT_DAYS"),
    Category("revoked_tokens", RevokedToken, None),
)


def preview(now: datetime | None = None) -> list[dict]:
    """Per category: the retention, the cut-off and how many rows the next purge takes."""
    now, session = now or utcnow(), current_database().session
    rows = []
    for category in CATEGORIES:
        count = (
            session.scalar(
                select(func.count()).select_from(category.model).where(category.expired(now))
            )
            or 0
        )
        days = current_app.config[category.setting] if category.setting else None
        cutoff = (now - timedelta(days=days)).isoformat() if days else now.isoformat()
        rows.append({"category": category.name, "days": days, "cutoff": cutoff, "count": count})
    return rows


def purge(now: datetime | None = None, dry_run: bool = False, actor_id=None) -> dict[str, int]:
    """Delete what has expired, one transaction per category; audit the counts once."""
    now = now or utcnow()
    if dry_run:
        return {row["category"]: row["count"] for row in preview(now)}
    database = current_database()
    counts: dict[str, int] = {category.name: 0 for category in CATEGORIES}
    for category in CATEGORIES:
        if category.model is AuditEvent:
            continue  # last, with the purge's own event (below)
        with database.transaction() as session:
            result = session.execute(
                delete(category.model).where(category.expired(now)),
                execution_options={"synchronize_session": "fetch"},
            )
            counts[category.name] = result.rowcount or 0
            if category.model is Decision:  # the clients' latest decision, kept on them
                _forget_purged_decisions(session, now)
    with database.transaction() as session:
        anchors, counts["audit"] = _purge_audit(session, now)
        details = {"counts": counts, "as_of": now.isoformat(), "anchors": anchors}
        audit.record("purge", actor_id, details=details)
    checkpoints.write("purge")
    log.info("retention purge: %s", counts)
    return counts


def _forget_purged_decisions(session, now: datetime) -> None:
    """A client whose latest decision went had all of its decisions go (each older than the
    cut-off): recompute `last_decision_at` for those only (services/client_marks)."""
    cutoff = now - timedelta(days=current_app.config["RETENTION_DECISION_DAYS"])
    client_marks.resync(session, [Client.last_decision_at < cutoff])


def _purge_audit(session, now: datetime) -> tuple[dict[str, dict], int]:
    """Delete each chain's prefix older than its retention; per chain, the link the first kept
    event holds (its anchor), and how many events went.

    In a chain, event times follow seq order (taken under its head's lock), so the old events
    are the seqs up to the newest old one; deleting by seq keeps the cut clean. A chain with
    nothing old keeps its anchor.
    """
    cutoff = now - timedelta(days=current_app.config["RETENTION_AUDIT_DAYS"])
    newest_old = dict(
        session.execute(
            select(AuditEvent.chain, func.max(AuditEvent.seq))
            .where(AuditEvent.created_at < cutoff)
            .group_by(AuditEvent.chain)
        ).all()
    )
    anchors, deleted = {}, 0
    for (chain,) in session.execute(select(HEAD.c.id).order_by(HEAD.c.id)):
        seq = newest_old.get(chain)
        if seq is None:
            first, prev_hash = purge_anchor(session, chain)
        else:
            prev_hash = session.scalar(
                select(AuditEvent.hash).where(AuditEvent.chain == chain, AuditEvent.seq == seq)
            )
            result = session.execute(
                delete(AuditEvent).where(AuditEvent.chain == chain, AuditEvent.seq <= seq)
            )
            first, deleted = seq + 1, deleted + result.rowcount
        anchors[str(chain)] = {"seq": first, "prev_hash": prev_hash}
    return anchors, deleted
