"""Import of a bank's own clients from CSV, pseudonymised on the way in.

Each valid row is upserted under the UUID derived from its customer reference; invalid rows are
reported by line, column and rule. The whole file is stored in one transaction, so a failure
leaves the store as it was. The customer reference is never stored, logged or reported.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from sqlalchemy import select

from app.database import current_database
from app.models import Client, Role, User, utcnow
from app.services import bulk
from app.services.pseudonymisation import client_uuids, key_version
from modelling.features import FEATURES, check_consistency, parse_text

log = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("customer_ref", *(f.name for f in FEATURES), "data_updated_at", "adviser_email")
MAX_REF_LENGTH = 128
CHUNK_ROWS = 1_000


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (unreadable, missing column)."""


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    rule: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.rule}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)


def import_clients(path: str | Path) -> ImportReport:
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return import_stream(handle)
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"cannot read {path}: {exc.__class__.__name__}") from None


def import_stream(handle: IO[str]) -> ImportReport:
    reader = csv.DictReader(handle)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFileError(f"missing column(s): {', '.join(missing)}")
    advisers = _advisers_by_email()
    report = ImportReport()
    rows: dict = {}
    now = utcnow()
    for raw in reader:
        row, errors = _parse_row(raw, reader.line_num, advisers, now)
        report.errors.extend(errors)
        if row is not None:
            rows[row["id"]] = row  # a reference repeated in one file: the last line wins
    with current_database().transaction() as session:
        values = list(rows.values())
        for start in range(0, len(values), CHUNK_ROWS):
            created, updated = _upsert(session, values[start : start + CHUNK_ROWS])
            report.created += created
            report.updated += updated
    log.info(
        "client import: %d created, %d updated, %d rejected row errors",
        report.created,
        report.updated,
        len(report.errors),
    )
    return report


def _advisers_by_email() -> dict[str, User]:
    session = current_database().session
    query = select(User).where(User.role == Role.ADVISER, User.active.is_(True))
    return {u.email: u for u in session.scalars(query)}


def _parse_row(raw: dict, line: int, advisers: dict[str, User], now: datetime):
    errors: list[RowError] = []
    if None in raw:  # more cells than header columns
        errors.append(RowError(line, "*", "has more cells than the header"))
    ref = (raw.get("customer_ref") or "").strip()
    if not ref:
        errors.append(RowError(line, "customer_ref", "is required"))
    elif len(ref) > MAX_REF_LENGTH:
        errors.append(RowError(line, "customer_ref", f"must be at most {MAX_REF_LENGTH} chars"))
    values = {}
    for feature in FEATURES:
        value, rule = parse_text(feature, raw.get(feature.name) or "")
        if rule:
            errors.append(RowError(line, feature.name, rule))
        else:
            values[feature.name] = value
    if len(values) == len(FEATURES):
        errors.extend(RowError(line, c, r) for c, r in check_consistency(values).items())
    updated_at, rule = _parse_timestamp(raw.get("data_updated_at") or "", now)
    if rule:
        errors.append(RowError(line, "data_updated_at", rule))
    adviser = advisers.get((raw.get("adviser_email") or "").strip().lower())
    if adviser is None:
        errors.append(RowError(line, "adviser_email", "must be the e-mail of an active adviser"))
    if errors:
        return None, errors
    current = key_version()
    ids = client_uuids(ref)
    row = {
        "id": ids[current],
        "pseudonym_key_version": current,
        "adviser_id": adviser.id,
        "data_updated_at": updated_at,
        # Under a rotated-out key the client may already exist: _upsert keeps that row.
        "_previous": {v: i for v, i in ids.items() if v != current},
    }
    return row | values, []


def _parse_timestamp(text: str, now: datetime) -> tuple[datetime | None, str | None]:
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None, "must be an ISO 8601 date or date-time (e.g. 2026-03-31)"
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if value > now:
        return None, "must not be in the future"
    return value, None


def _keep_previous_ids(session, rows: list[dict]) -> None:
    """A reference whose client was derived under a rotated-out key updates that client (its id
    and key version stay) instead of creating a second one under the current key."""
    previous = {i: (row, v) for row in rows for v, i in row.pop("_previous").items()}
    if not previous:
        return
    current = set(session.scalars(select(Client.id).where(Client.id.in_([r["id"] for r in rows]))))
    for found in session.scalars(select(Client.id).where(Client.id.in_(list(previous)))):
        row, version = previous[found]
        if row["id"] not in current:
            row.update(id=found, pseudonym_key_version=version)


def _upsert(session, rows: list[dict]) -> tuple[int, int]:
    _keep_previous_ids(session, rows)
    ids = [r["id"] for r in rows]
    existing = set(session.scalars(select(Client.id).where(Client.id.in_(ids))))
    # COPY into a staging table on PostgreSQL, executemany on SQLite; then one upsert that
    # keeps an existing client's created_at (services/bulk).
    names = list(rows[0])
    now = utcnow()
    bulk.upsert(
        session.connection(),
        Client.__table__,
        "id",
        (*names, "created_at"),
        ((*(row[name] for name in names), now) for row in rows),
        keep=("created_at",),
    )
    return len(rows) - len(existing), len(existing)
