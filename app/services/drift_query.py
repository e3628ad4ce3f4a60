"""Bin counts of the recent score records, aggregated by the database (issue 12 §2).

One statement counts, for a window, how many score records fall in each reference bin of each
feature and of the probability: the rows never come to Python (a million records would). The
records counted are every ad-hoc score of the window and, for a stored client, only its latest
score of the window (a later one of the same client in the window supersedes it). The inputs
are read from the JSON column: on PostgreSQL parsed once per row by json_to_record, on SQLite
by json_extract in a materialised CTE, so that each value is extracted once, not once per bin.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from sqlalchemy import Float, and_, column, exists, func, or_, select, text, true
from sqlalchemy.orm import aliased

from app.database import current_database
from app.models import ScoreRecord
from modelling.features import FEATURE_NAMES

PROBABILITY = "probability"
WORK_MEM = "64MB"


@dataclass(frozen=True)
class BinCounts:
    """Records counted in the window, and per variable the count in each bin (edges + 1)."""

    scores: int
    probability_scores: int
    counts: dict[str, list[int]]


def _latest_of_window(start: datetime, end: datetime):
    """The window's condition: within [start, end) and not superseded in the window."""
    later = aliased(ScoreRecord)
    superseded = exists().where(
        later.client_id == ScoreRecord.client_id,
        later.created_at >= start,
        later.created_at < end,
        or_(
            later.created_at > ScoreRecord.created_at,
            and_(later.created_at == ScoreRecord.created_at, later.id > ScoreRecord.id),
        ),
    )
    return and_(ScoreRecord.created_at >= start, ScoreRecord.created_at < end, ~superseded)


def _recent_values(dialect: str, start: datetime, end: datetime, version: str | None):
    """A selectable with one row per counted record: the five inputs, the probability (only
    when the given version gave it) and a flag for that."""
    scored = and_(ScoreRecord.probability.is_not(None), ScoreRecord.model_version == version)
    if dialect == "postgresql":
        inputs = (
            func.json_to_record(ScoreRecord.inputs)
            .table_valued(*(column(name, Float) for name in FEATURE_NAMES))
            .render_derived(name="f", with_types=True)
        )
        query = select(
            *(inputs.c[name] for name in FEATURE_NAMES),
            ScoreRecord.probability.label(PROBABILITY),
            scored.label("scored"),
        ).select_from(ScoreRecord.__table__.join(inputs, true()))
        return query.where(_latest_of_window(start, end)).subquery("recent")
    values = [
        func.json_extract(ScoreRecord.inputs, f"$.{name}").label(name) for name in FEATURE_NAMES
    ]
    query = select(
        *values, ScoreRecord.probability.label(PROBABILITY), scored.label("scored")
    ).where(_latest_of_window(start, end))
    return query.cte("recent").prefix_with("MATERIALIZED")


def _bin_conditions(value, edges: Sequence[float]) -> list:
    """Right-closed bins: v <= e0, e0 < v <= e1, ..., v > e_last (modelling/drift.py)."""
    if not edges:
        return [value.is_not(None)]
    conditions = [value <= edges[0]]
    conditions += [and_(value > low, value <= high) for low, high in pairwise(edges)]
    conditions.append(value > edges[-1])
    return conditions


def bin_counts(
    start: datetime, end: datetime, edges: Mapping[str, Sequence[float]], version: str | None
) -> BinCounts:
    """Count the window's records in each bin of each variable named in `edges` (feature
    names, and PROBABILITY for the scores the given version gave)."""
    session = current_database().session
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        # For this transaction only: the anti-join's hash table in memory rather than in 16
        # batches on disk, and no JIT (compiling 60 filters cost more than it saved): about
        # half the time over a million records (docs/performance.md).
        session.execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
        session.execute(text("SET LOCAL jit = off"))
    recent = _recent_values(dialect, start, end, version)
    columns = [func.count(), func.count().filter(recent.c.scored)]
    layout = []
    for name, variable_edges in edges.items():
        value = recent.c[name]
        extra = recent.c.scored if name == PROBABILITY else None
        for condition in _bin_conditions(value, list(variable_edges)):
            columns.append(func.count().filter(condition if extra is None else extra & condition))
        layout.append((name, len(variable_edges) + 1))
    row = session.execute(select(*columns).select_from(recent)).one()
    scores, probability_scores, *cells = (int(v or 0) for v in row)
    counts, at = {}, 0
    for name, size in layout:
        counts[name] = cells[at : at + size]
        at += size
    return BinCounts(scores, probability_scores, counts)
