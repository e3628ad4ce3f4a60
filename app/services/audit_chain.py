"""Tamper-evident audit trail (GDPR Art. 32, AI Act Art. 12): keyed hash chains over the events.

Each event stores the link of the one before it in its chain and its own HMAC-SHA-256, keyed by a
key derived from AUDIT_KEY (held apart from the database), over its content and its place `seq`
in the chain. Editing, inserting or removing an event breaks its chain from that point on, and
rewriting the chain from there needs the key.

There are AUDIT_CHAINS chains (8 by default, at most 16), each with its head row in
`audit_head`, so that audited writes do not all queue on one row: an audited transaction moves
the counter of a head no other transaction holds (PostgreSQL's `FOR UPDATE SKIP LOCKED`, inside
the SECURITY DEFINER function `audit_take_head()`, so the web role needs no UPDATE right on the
heads) and keeps that head, the only one it holds, for its further events, until it commits.
Within a chain, appends are serialised by the head's row lock and the event's time is read under
it, so seq and time order agree in a chain. The head is the last lock an audited transaction
takes (services/audit flushes the action's own rows first): one lock order everywhere. Signed
checkpoints (services/audit_checkpoints) outside the database pin every chain's head together;
services/audit_verify walks each chain against them. docs/security.md has the proof that a
deleted, inserted or reordered event is found.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from functools import lru_cache

from flask import current_app
from sqlalchemy import Connection, bindparam, text, update

from app.models import AuditEvent, AuditHead, utcnow

GENESIS = "0" * 64
MAX_CHAINS = 16  # head rows made by migration 0013; AUDIT_CHAINS chooses how many are used
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
    update(HEAD)
    .where(HEAD.c.id == bindparam("chain"))
    .values(seq=HEAD.c.seq + 1)
    .returning(HEAD.c.seq, HEAD.c.hash)
)
TAKE_HEAD_POSTGRES = text("SELECT chain, seq, hash FROM audit_take_head(:chains, :held)")
HELD = "audit_chain_held"  # connection.info: (the transaction, the chain it holds)


def chains_in_use() -> int:
    return max(1, min(MAX_CHAINS, int(current_app.config.get("AUDIT_CHAINS", 8))))


def _held(connection: Connection) -> int | None:
    """The chain this transaction already holds (its head row is locked by it), if any."""
    held = connection.info.get(HELD)
    return held[1] if held and held[0] is connection.get_transaction() else None


def seal(connection: Connection, event: AuditEvent) -> None:
    """Give the event its chain, place, time and link under its head's lock; inserting it moves
    the head.

    One statement (one round trip) on the transaction's connection; the head is moved to the
    event by a trigger on its INSERT (migrations 0005, 0007, 0013), which also checks the seq.
    A transaction keeps the chain it took first: it never holds two heads, so two audited
    transactions never wait for each other in a cycle.
    """
    held = _held(connection)
    if connection.dialect.name == "postgresql":
        params = {"chains": chains_in_use(), "held": held}
        event.chain, event.seq, prev_hash = connection.execute(TAKE_HEAD_POSTGRES, params).one()
    else:  # SQLite has one writer at a time: any chain, no queue to avoid
        event.chain = held or random.randint(1, chains_in_use())  # noqa: S311 (not a secret)
        event.seq, prev_hash = connection.execute(TAKE_HEAD, {"chain": event.chain}).one()
    connection.info[HELD] = (connection.get_transaction(), event.chain)
    event.created_at = utcnow()
    event.prev_hash = prev_hash
    event.hash = digest(chain_key(), prev_hash, event)
