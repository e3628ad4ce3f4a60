"""Tamper-evident audit trail (GDPR Art. 32, AI Act Art. 12): a keyed hash chain over the events.

Each event stores the link of the one before it and its own HMAC-SHA-256, keyed by a key derived
from AUDIT_KEY (held apart from the database), over its content and its place `seq` in the chain.
Editing, inserting or removing an event breaks the chain from that point on, and rewriting the
chain from there needs the key. Appends are serialised by a row lock on the single `audit_head`
row, taken in the transaction of the action being audited (on PostgreSQL through the SECURITY
DEFINER function `audit_take_head()`, so the web role needs no UPDATE right on the head); the
event's time is read under that lock, so seq, id and time order agree. The lock is the last one
an audited transaction takes (services/audit flushes the action's own rows first): one lock order
everywhere, client rows then the head. Signed checkpoints (services/audit_checkpoints) outside
the database pin the newest events; services/audit_verify walks the chain against them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from functools import lru_cache

from flask import current_app
from sqlalchemy import Connection, text, update

from app.models import AuditEvent, AuditHead, utcnow

GENESIS = "0" * 64
CHAIN_CONTEXT = b"audit-chain-v1"
CHECKPOINT_CONTEXT = b"audit-checkpoint-v1"


@lru_cache(maxsize=16)
def derived_key(audit_key: str, context: bytes) -> bytes:
    """One key per use (chain, checkpoints) from AUDIT_KEY: one leaked says nothing of the other."""
    return hmac.digest(audit_key.encode(), context, "sha256")


def chain_key() -> bytes:
    return derived_key(current_app.config["AUDIT_KEY"], CHAIN_CONTEXT)


def _canonical(prev_hash: str, event: AuditEvent, **extra) -> bytes:
    """The event's content as the bytes that are hashed: sorted keys, no spaces, ASCII."""
    content = {
        "prev": prev_hash,
        "actor_id": str(event.actor_id) if event.actor_id else None,
        "action": event.action,
        "client_id": str(event.client_id) if event.client_id else None,
        "model_version": event.model_version,
        "details": event.details,
        "created_at": event.created_at.isoformat(),
        **extra,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def digest(key: bytes, prev_hash: str, event: AuditEvent) -> str:
    return hmac.digest(key, _canonical(prev_hash, event, seq=event.seq), "sha256").hex()


def plain_digest(prev_hash: str, event: AuditEvent) -> str:
    """The unkeyed SHA-256 of the first version (what an intruder without the key can compute)."""
    return hashlib.sha256(_canonical(prev_hash, event)).hexdigest()


HEAD = AuditHead.__table__
TAKE_HEAD = (
    update(HEAD).where(HEAD.c.id == 1).values(seq=HEAD.c.seq + 1).returning(HEAD.c.seq, HEAD.c.hash)
)
TAKE_HEAD_POSTGRES = text("SELECT seq, hash FROM audit_take_head()")


def seal(connection: Connection, event: AuditEvent) -> None:
    """Give the event its place, time and link under the head's lock; inserting it moves the head.

    One statement (one round trip) on the transaction's connection; the head is moved to the
    event by a trigger on its INSERT (migrations 0005 and 0007), which also checks the seq.
    """
    take = TAKE_HEAD_POSTGRES if connection.dialect.name == "postgresql" else TAKE_HEAD
    event.seq, prev_hash = connection.execute(take).one()
    event.created_at = utcnow()
    event.prev_hash = prev_hash
    event.hash = digest(chain_key(), prev_hash, event)
