"""`audit verify`: walk each keyed chain in seq order against its purge anchor and the checkpoints.

What each finding means (its `kind`):
- "rewritten": an event's content, link or hash is not what the key gives (edited, re-chained
  without the key), or differs from what a checkpoint pinned;
- "deleted": a seq is missing between two events, or before the first one with no purge that
  removed it (the latest purge event records the first event it kept: its anchor);
- "tail_cut": a checkpoint pins events after the last one left: the newest events were removed;
- "head_reset": the head row does not name the last event;
- "forged_checkpoint": a checkpoint whose signature does not hold (or an unreadable line).
Each finding names the chain and the seq; an event whose chain has no head row was moved out of
its chain ("rewritten").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.services.audit_chain import GENESIS, HEAD, chain_key, digest
from app.services.audit_checkpoints import Checkpoint, Unreadable, load, signature_holds

VERIFY_BATCH = 5_000


@dataclass
class Verification:
    checked: int
    broken_seq: int | None = None
    kind: str | None = None
    reason: str | None = None
    checkpoint: Checkpoint | None = None  # the newest checkpoint the chains were held against
    chain: int | None = None

    @property
    def ok(self) -> bool:
        return self.kind is None


def purge_anchor(session: Session, chain: int = 1) -> tuple[int, str]:
    """(seq, prev_hash) of the first event of `chain` the latest purge kept; (1, GENESIS) before
    any purge. A purge from before migration 0013 recorded one anchor: chain 1's."""
    details = (
        session.scalar(
            select(AuditEvent.details)
            .where(AuditEvent.action == "purge")
            .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
            .limit(1)
        )
        or {}
    )
    anchor = (details.get("anchors") or {}).get(str(chain))
    if anchor is None and chain == 1:
        anchor = details.get("anchor")
    return (int(anchor["seq"]), str(anchor["prev_hash"])) if anchor else (1, GENESIS)


def verify(session: Session, checkpoints_at: str | Path | None = None) -> Verification:
    """The first thing that does not hold, named by chain, seq and kind; or how many events held."""
    checkpoints = load(checkpoints_at)
    for found in checkpoints:
        if isinstance(found, Unreadable):
            reason = f"checkpoint line {found.number} is not a checkpoint: altered or forged"
            return Verification(0, None, "forged_checkpoint", reason)
        if not signature_holds(found):
            reason = (
                f"the checkpoint of {found.time} ({found.events} events) has a signature that "
                "does not hold: forged or altered"
            )
            return Verification(0, None, "forged_checkpoint", reason)
    latest = max(checkpoints, key=lambda c: c.events, default=None)  # all signed by now
    heads = session.execute(select(HEAD.c.id, HEAD.c.seq, HEAD.c.hash).order_by(HEAD.c.id)).all()
    stray = session.scalar(
        select(AuditEvent.chain).where(AuditEvent.chain.not_in([h.id for h in heads])).limit(1)
    )
    if stray is not None:
        reason = f"events carry chain {stray}, which has no head: moved out of their chain"
        return Verification(0, None, "rewritten", reason, latest, stray)
    checked = 0
    for chain, head_seq, head_hash in heads:
        result = _verify_chain(session, chain, (head_seq, head_hash), checkpoints)
        checked += result.checked
        if not result.ok:
            return replace(result, checked=checked, checkpoint=latest, chain=chain)
    return Verification(checked, checkpoint=latest)


def _verify_chain(session, chain: int, head: tuple[int, str], checkpoints) -> Verification:
    pinned: dict[int, Checkpoint] = {}
    for checkpoint in checkpoints:
        seq, _ = checkpoint.head(chain) or (0, None)
        if seq > 0:
            pinned[seq] = checkpoint
    key, (anchor_seq, anchor_hash) = chain_key(), purge_anchor(session, chain)
    checked, previous = 0, None
    for event in _events(session, chain):
        found = _check(event, previous, anchor_seq, anchor_hash, key, pinned, chain)
        if found is not None:
            seq, kind, reason = found
            return Verification(checked, seq, kind, reason)
        previous, checked = (event.seq, event.hash), checked + 1
    last_seq, last_hash = previous or (anchor_seq - 1, anchor_hash)
    latest_seq = max(pinned, default=0)
    if latest_seq > last_seq:
        reason = (
            f"{_events_missing(last_seq + 1, latest_seq)} after the last one: the tail was cut "
            f"off (the checkpoint of {pinned[latest_seq].time} has seq {latest_seq})"
        )
        return Verification(checked, last_seq + 1, "tail_cut", reason)
    head_seq, head_hash = head
    if head_seq > last_seq:
        reason = (
            f"{_events_missing(last_seq + 1, head_seq)} after the last one: the tail was cut "
            "off (the head row still counts them)"
        )
        return Verification(checked, last_seq + 1, "tail_cut", reason)
    if (head_seq, head_hash) != (last_seq, last_hash):
        reason = (
            f"the head row (seq {head_seq}) does not name the last event (seq {last_seq}): "
            "the head was reset"
        )
        return Verification(checked, last_seq, "head_reset", reason)
    return Verification(checked)


def _check(event, previous, anchor_seq, anchor_hash, key, pinned, chain):
    """(seq, kind, reason) of the first thing wrong at this event, or None."""
    if previous is None:
        if event.seq > anchor_seq:
            missing = _events_missing(anchor_seq, event.seq - 1)
            reason = f"{missing} before the first one, and no purge removed them: deleted"
            return anchor_seq, "deleted", reason
        if event.seq == anchor_seq and event.prev_hash != anchor_hash:
            return event.seq, "rewritten", "does not link to the anchor the last purge recorded"
    else:
        previous_seq, previous_hash = previous
        if event.seq != previous_seq + 1:
            missing = _events_missing(previous_seq + 1, event.seq - 1)
            return previous_seq + 1, "deleted", f"{missing} between two others: deleted"
        if event.prev_hash != previous_hash:
            return event.seq, "rewritten", "does not link to the event before it"
    if event.prev_hash is None or event.hash != digest(key, event.prev_hash, event):
        reason = "content does not match its keyed hash: edited, or re-chained without the key"
        return event.seq, "rewritten", reason
    checkpoint = pinned.get(event.seq)
    if checkpoint is not None and checkpoint.head(chain)[1] != event.hash:
        reason = f"differs from the checkpoint of {checkpoint.time}: the chain was rewritten"
        return event.seq, "rewritten", reason
    return None


def _events_missing(first: int, last: int) -> str:
    return f"event {first} is missing" if first == last else f"events {first} to {last} are missing"


def _events(session: Session, chain: int):
    """A chain's events in seq order, in batches (the trail may hold millions)."""
    last = 0
    while True:
        batch = list(
            session.scalars(
                select(AuditEvent)
                .where(AuditEvent.chain == chain, AuditEvent.seq > last)
                .order_by(AuditEvent.seq)
                .limit(VERIFY_BATCH)
            )
        )
        if not batch:
            return
        yield from batch
        last = batch[-1].seq
        session.expunge_all()
