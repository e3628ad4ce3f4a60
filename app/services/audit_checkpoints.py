"""Signed checkpoints of the audit chains, kept outside the database.

A checkpoint `(heads, time)` pins every chain's head (chain, seq, hash) at one moment. It is
signed with a key derived from AUDIT_KEY and written twice: as a log line (the platform's log
drain keeps it) and appended to a file under AUDIT_CHECKPOINT_DIR. Whoever can write to the
database but holds neither the key nor those copies cannot move a chain back behind a
checkpoint: `audit verify` then names the events the checkpoint pins that are gone or different.
The clock process writes one every hour, and the purge one after each run.
"""

from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from app.database import current_database
from app.models import utcnow
from app.services.audit_chain import CHECKPOINT_CONTEXT, HEAD, derived_key

log = logging.getLogger("app.audit")
FILE_NAME = "audit-checkpoints.jsonl"
LOG_PREFIX = "audit checkpoint "


@dataclass(frozen=True)
class Checkpoint:
    heads: tuple[tuple[int, int, str], ...]  # (chain, seq, hash) of every chain, chain order
    time: str
    reason: str
    signature: str = ""
    legacy: bool = False  # a line of the single-chain format (before migration 0013): chain 1

    def payload(self) -> bytes:
        if self.legacy:
            (_, seq, head), *_ = self.heads
            return f"{seq}|{head}|{self.time}|{self.reason}".encode()
        heads = ";".join(f"{chain}:{seq}:{head}" for chain, seq, head in self.heads)
        return f"v2|{heads}|{self.time}|{self.reason}".encode()

    def line(self) -> str:
        data = {"heads": [list(head) for head in self.heads], "time": self.time}
        return json.dumps(
            data | {"reason": self.reason, "signature": self.signature}, separators=(",", ":")
        )

    @property
    def events(self) -> int:
        """How many events the chains had received when it was taken (all chains together)."""
        return sum(seq for _, seq, _ in self.heads)

    def head(self, chain: int) -> tuple[int, str] | None:
        return next(((seq, head) for c, seq, head in self.heads if c == chain), None)


@dataclass(frozen=True)
class Unreadable:
    """A line of a checkpoint file that is not a checkpoint (altered, truncated, forged)."""

    number: int
    text: str


def _key() -> bytes:
    return derived_key(current_app.config["AUDIT_KEY"], CHECKPOINT_CONTEXT)


def sign(heads, time: str, reason: str) -> Checkpoint:
    """`heads`: (chain, seq, hash) of every chain."""
    unsigned = Checkpoint(tuple((int(c), int(s), str(h)) for c, s, h in heads), time, reason)
    signature = hmac.digest(_key(), unsigned.payload(), "sha256").hex()
    return replace(unsigned, signature=signature)


def signature_holds(checkpoint: Checkpoint) -> bool:
    expected = hmac.digest(_key(), checkpoint.payload(), "sha256").hex()
    return hmac.compare_digest(expected, checkpoint.signature)


def checkpoint_path(location: str | Path | None = None) -> Path:
    """A file, or a directory holding FILE_NAME; by default AUDIT_CHECKPOINT_DIR."""
    path = Path(
        location
        or current_app.config.get("AUDIT_CHECKPOINT_DIR")
        or Path(current_app.instance_path) / "audit-checkpoints"
    )
    return path if path.suffix else path / FILE_NAME


def write(reason: str) -> Checkpoint:
    """Sign the committed heads and record them as a log line and in the checkpoint file."""
    with current_database().engine.connect() as connection:  # committed state only
        heads = connection.execute(select(HEAD.c.id, HEAD.c.seq, HEAD.c.hash).order_by(HEAD.c.id))
        checkpoint = sign(heads.all(), utcnow().isoformat(), reason)
    line = checkpoint.line()
    log.info(LOG_PREFIX + line)
    path = checkpoint_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:  # one short append: atomic between processes
        file.write(line + "\n")
    return checkpoint


def load(location: str | Path | None = None) -> list[Checkpoint | Unreadable]:
    """Every line of the checkpoint file; a pasted log line works too (the JSON in it)."""
    path = checkpoint_path(location)
    if not path.exists():
        return []
    found: list[Checkpoint | Unreadable] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.strip()
        if not text:
            continue
        try:
            found.append(_parse(json.loads(text[text.index("{") :])))
        except (ValueError, KeyError, TypeError):
            found.append(Unreadable(number, text[:80]))
    return found


def _parse(data: dict) -> Checkpoint:
    """A checkpoint line of either format; KeyError, TypeError or ValueError when it is not one."""
    if "heads" in data:
        heads = tuple((int(c), int(s), str(h)) for c, s, h in data["heads"])
        legacy = False
    else:  # single-chain format: its chain is chain 1
        heads, legacy = ((1, int(data["seq"]), str(data["head"])),), True
    time, reason, signature = (str(data[k]) for k in ("time", "reason", "signature"))
    return Checkpoint(heads, time, reason, signature, legacy)
