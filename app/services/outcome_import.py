"""Import of realised outcomes from CSV (`flask --app wsgi outcomes import FILE.csv --by EMAIL`).

Columns: `customer_ref` (pseudonymised on the way in, as for the client import, rotated-out keys
included) or `client_id`, `defaulted` (0 or 1) and `observed_at` (YYYY-MM-DD, not in the future).
Each bad line is reported with its number, column and rule. A file with a bad line stores
nothing unless `skip_invalid`; what is stored goes in one transaction with one audit event
(counts only). An outcome already recorded for a client and day is updated, never doubled.
"""

from __future__ import annotations

import csv
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from app.database import current_database
from app.models import Client, Outcome, User, utcnow
from app.services import audit, permissions
from app.services.client_import import MAX_REF_LENGTH, ImportFileError, RowError
from app.services.lookup import MAX_UUID_TEXT
from app.services.outcomes import UNKNOWN_CLIENT, parse_observed_at, today_utc
from app.services.pseudonymisation import client_uuids

ID_COLUMNS = ("customer_ref", "client_id")
REQUIRED_COLUMNS = ("defaulted", "observed_at")
CHUNK_ROWS = 1_000
DEFAULTED = {"0": False, "1": True}


@dataclass
class OutcomeImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    stored: bool = False  # False: a bad line and no skip_invalid, nothing written

    @property
    def rejected_lines(self) -> int:
        return len({e.line for e in self.errors})


@dataclass
class _Row:
    line: int
    candidates: list[uuid.UUID]  # the client's possible ids (one per pseudonymisation key)
    column: str  # where the client came from: customer_ref or client_id
    defaulted: bool
    observed_at: object


def import_outcomes(path: str | Path, actor: User, *, skip_invalid: bool = False):
    permissions.require(actor, "record_outcome")
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return import_stream(handle, actor, skip_invalid=skip_invalid)
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"cannot read {path}: {exc.__class__.__name__}") from None


def import_stream(handle: IO[str], actor: User, *, skip_invalid: bool = False):
    permissions.require(actor, "record_outcome")
    reader = csv.DictReader(handle)
    columns = reader.fieldnames or []
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if not any(c in columns for c in ID_COLUMNS):
        missing.insert(0, " or ".join(ID_COLUMNS))
    if missing:
        raise ImportFileError(f"missing column(s): {', '.join(missing)}")
    report, rows, today = OutcomeImportReport(), [], today_utc()
    for raw in reader:
        row, errors = _parse_row(raw, reader.line_num, today)
        report.errors.extend(errors)
        if row is not None:
            rows.append(row)
    values = _resolve(rows, report)
    if report.errors and not skip_invalid:
        return report
    with current_database().transaction() as session:
        for start in range(0, len(values), CHUNK_ROWS):
            created, updated = _upsert(session, values[start : start + CHUNK_ROWS], actor)
            report.created += created
            report.updated += updated
        details = {
            "created": report.created,
            "updated": report.updated,
            "rejected": report.rejected_lines,
        }
        audit.record("outcome_import", actor.id, details=details)
    report.stored = True
    return report


def _parse_row(raw: dict, line: int, today):
    errors: list[RowError] = []
    if None in raw:  # more cells than header columns
        errors.append(RowError(line, "*", "has more cells than the header"))
    ref = (raw.get("customer_ref") or "").strip()
    text_id = (raw.get("client_id") or "").strip()
    candidates, column = [], "customer_ref" if ref else "client_id"
    if ref and text_id:
        errors.append(RowError(line, "client_id", "give customer_ref or client_id, not both"))
    elif ref:
        if len(ref) > MAX_REF_LENGTH:
            errors.append(RowError(line, "customer_ref", f"must be at most {MAX_REF_LENGTH} chars"))
        else:
            candidates = list(client_uuids(ref).values())
    elif text_id:
        try:
            if len(text_id) > MAX_UUID_TEXT:
                raise ValueError
            candidates = [uuid.UUID(text_id)]
        except ValueError:
            errors.append(RowError(line, "client_id", "must be a UUID"))
    else:
        errors.append(RowError(line, "customer_ref", "customer_ref or client_id is required"))
    defaulted = DEFAULTED.get((raw.get("defaulted") or "").strip())
    if defaulted is None:
        errors.append(RowError(line, "defaulted", "must be 0 or 1"))
    observed, rule = parse_observed_at(raw.get("observed_at") or "", today)
    if rule:
        errors.append(RowError(line, "observed_at", rule))
    if errors:
        return None, errors
    return _Row(line, candidates, column, defaulted, observed), []


def _resolve(rows: list[_Row], report: OutcomeImportReport) -> list[dict]:
    """The stored client of each row (under whichever key derived it); a row naming no stored
    client is an error. A client and day given twice: the last line wins."""
    session = current_database().session
    wanted = sorted({c for row in rows for c in row.candidates})
    existing: set[uuid.UUID] = set()
    for start in range(0, len(wanted), CHUNK_ROWS):
        chunk = wanted[start : start + CHUNK_ROWS]
        existing.update(session.scalars(select(Client.id).where(Client.id.in_(chunk))))
    values: dict[tuple, dict] = {}
    for row in rows:
        found = next((c for c in row.candidates if c in existing), None)
        if found is None:
            rule = "no client with this reference" if row.column == "customer_ref" else None
            report.errors.append(RowError(row.line, row.column, rule or UNKNOWN_CLIENT))
            continue
        values[(found, row.observed_at)] = {
            "client_id": found,
            "defaulted": row.defaulted,
            "observed_at": row.observed_at,
        }
    report.errors.sort(key=lambda e: e.line)
    return list(values.values())


def _upsert(session, rows: list[dict], actor: User) -> tuple[int, int]:
    keys = {(r["client_id"], r["observed_at"]) for r in rows}
    query = select(Outcome.client_id, Outcome.observed_at).where(
        Outcome.client_id.in_({k[0] for k in keys})
    )
    existing = {tuple(found) for found in session.execute(query)} & keys
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    recorded = {"recorded_by": actor.id, "recorded_at": utcnow(), "source": "import"}
    statement = insert(Outcome).values([r | recorded | {"id": uuid.uuid4()} for r in rows])
    updated_columns = {
        c: statement.excluded[c] for c in ("defaulted", "recorded_by", "recorded_at", "source")
    }
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["client_id", "observed_at"], set_=updated_columns
        )
    )
    return len(rows) - len(existing), len(existing)
