"""Signed checkpoints of the audit chain, kept outside the database.

A checkpoint `(seq, head, time)` is signed with a key derived from AUDIT_KEY and written twice:
as a log line (the platform's log drain keeps it) and appended to a file under
AUDIT_CHECKPOINT_DIR. Whoever can write to the database but holds neither the key nor those
copies cannot move the chain back behind a checkpoint: `audit verify` then names the events the
checkpoint pins that are gone or different. The clock process writes one every hour, and the
purge one after each run.
"""

from __future__ import annotations

import hmac
import json
import logging
from dataclasses import asdict, dataclass
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
    seq: int
    head: str
    time: str
    reason: str
    signature: str = ""

    def payload(self) -> bytes:
        return f"{self.seq}|{self.head}|{self.time}|{self.reason}".encode()

    def line(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))


@dataclass(frozen=True)
class Unreadable:
    """A line of a checkpoint file that is not a checkpoint (altered, truncated, forged)."""

    number: int
    text: str


def _key() -> bytes:
    return derived_key(current_app.config["AUDIT_KEY"], CHECKPOINT_CONTEXT)


def sign(seq: int, head: str, time: str, reason: str) -> Checkpoint:
    unsigned = Checkpoint(seq, head, time, reason)
    signature = hmac.digest(_key(), unsigned.payload(), "sha256").hex()
    return Checkpoint(seq, head, time, reason, signature)


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
    """Sign the committed head and record it as a log line and in the checkpoint file."""
    with current_database().engine.connect() as connection:  # committed state only
        seq, head = connection.execute(select(HEAD.c.seq, HEAD.c.hash).where(HEAD.c.id == 1)).one()
    checkpoint = sign(int(seq), head, utcnow().isoformat(), reason)
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
            data = json.loads(text[text.index("{") :])
            found.append(
                Checkpoint(
                    int(data["seq"]),
                    str(data["head"]),
                    str(data["time"]),
                    str(data["reason"]),
                    str(data["signature"]),
                )
            )
        except (ValueError, KeyError, TypeError):
            found.append(Unreadable(number, text[:80]))
    return found
