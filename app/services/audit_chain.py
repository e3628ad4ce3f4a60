"""Tamper-evident audit trail (GDPR Art. 32, AI Act Art. 12): a hash chain over the events.

Each event stores the hash of the one before it and its own hash over its content, so editing,
inserting or removing an event breaks the chain from that point on. Appends are serialised by a
row lock on the single `audit_head` row (UPDATE ... RETURNING), taken in the transaction of the
action being audited: on SQLite that is the database write lock, on PostgreSQL a row lock held
until commit. Event ids therefore follow chain order.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from app.models import AuditEvent, AuditHead

GENESIS = "0" * 64
VERIFY_BATCH = 5_000


def digest(prev_hash: str, event: AuditEvent) -> str:
    content = {
        "prev": prev_hash,
        "actor_id": str(event.actor_id) if event.actor_id else None,
        "action": event.action,
        "client_id": str(event.client_id) if event.client_id else None,
        "model_version": event.model_version,
        "details": event.details,
        "created_at": event.created_at.isoformat(),
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


HEAD = AuditHead.__table__
TAKE_HEAD = update(HEAD).where(HEAD.c.id == 1).values(seq=HEAD.c.seq + 1).returning(HEAD.c.hash)


def seal(connection: Connection, event: AuditEvent) -> None:
    """Link the event to the chain head, under the head's lock; inserting it moves the head.

    A plain statement on the transaction's connection: the ORM's bulk-UPDATE machinery (session
    synchronisation, autoflush) tripled the cost of every audited request. The head is moved to
    the event by a trigger on its INSERT (migration 0005), in the same statement.
    """
    prev_hash = connection.execute(TAKE_HEAD).scalar_one()
    event.prev_hash = prev_hash
    event.hash = digest(prev_hash, event)


@dataclass
class Verification:
    checked: int
    broken_id: int | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_id is None


def verify(session: Session) -> Verification:
    """Walk the events in id order; report the first one whose link or content does not hold.

    The oldest remaining event anchors the chain (older ones may have been purged at the end of
    their retention), and the last event must be the head.
    """
    checked, previous, last_id = 0, None, 0
    while True:
        batch = list(
            session.scalars(
                select(AuditEvent)
                .where(AuditEvent.id > last_id)
                .order_by(AuditEvent.id)
                .limit(VERIFY_BATCH)
            )
        )
        if not batch:
            break
        for event in batch:
            if previous is not None and event.prev_hash != previous:
                return Verification(checked, event.id, "does not link to the event before it")
            if event.prev_hash is None or event.hash != digest(event.prev_hash, event):
                return Verification(checked, event.id, "content does not match its hash")
            previous, checked = event.hash, checked + 1
        last_id = batch[-1].id
        session.expunge_all()
    head = session.scalar(select(AuditHead.hash).where(AuditHead.id == 1))
    if previous is not None and head != previous:
        return Verification(checked, last_id, "is not the chain head: later events were removed")
    return Verification(checked)
