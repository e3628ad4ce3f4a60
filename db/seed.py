"""Bulk loading of clients: COPY on PostgreSQL, executemany on SQLite, in bounded chunks.

One million synthetic clients must load in well under two minutes, so this bypasses the ORM
but still goes through each column type's own bind processor (same storage format as the ORM).
Into an empty table, the secondary indexes are dropped and rebuilt after the load, in the same
transaction: one sort per index instead of a million random B-tree inserts each.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from functools import partial

import numpy as np
import pandas as pd
from sqlalchemy import Engine, func, select

from app.models import Client, utcnow
from app.services.bulk import insert_rows
from modelling.features import FEATURE_NAMES

COLUMNS = ("id", "adviser_id", *FEATURE_NAMES, "data_updated_at", "created_at")


def synthetic_clients(
    portfolio: pd.DataFrame, adviser_ids: Sequence[uuid.UUID], seed: int
) -> pd.DataFrame:
    """Give generated clients random UUIDs and spread them over the advisers' portfolios."""
    rng = np.random.default_rng(seed + 1)
    frame = portfolio[[*FEATURE_NAMES, "data_updated_at"]].copy()
    raw = rng.bytes(16 * len(frame))
    ids = [uuid.UUID(bytes=raw[i : i + 16], version=4) for i in range(0, len(raw), 16)]
    frame.insert(0, "id", ids)
    picks = rng.integers(0, len(adviser_ids), len(frame))
    frame.insert(1, "adviser_id", [adviser_ids[i] for i in picks])
    frame["created_at"] = utcnow()
    # Inserting in key order appends to the primary-key B-tree instead of splitting pages.
    return frame.sort_values("id", key=lambda ids: ids.map(str), ignore_index=True)


def insert_clients(engine: Engine, frame: pd.DataFrame) -> int:
    """Insert every row of `frame` (columns COLUMNS) in one transaction; returns the count.

    The caller must hold no open transaction on `clients` (an empty table's indexes are dropped
    and rebuilt, which waits for every reader).
    """
    table = Client.__table__
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # fail clearly rather than wait forever
            connection.exec_driver_sql("SET LOCAL lock_timeout = '30s'")
        empty = connection.scalar(select(func.count()).select_from(table)) == 0
        indexes = sorted(table.indexes, key=lambda index: index.name) if empty else []
        for index in indexes:
            index.drop(connection)
        # COPY on PostgreSQL, executemany on SQLite (services/bulk).
        load = partial(insert_rows, connection, table, COLUMNS, _rows(frame))
        if connection.dialect.name == "postgresql":
            load()
        else:
            _executemany_pragmas(connection, load)
        for index in indexes:
            index.create(connection)
        if connection.dialect.name == "postgresql":  # planner statistics for the new rows
            connection.exec_driver_sql("ANALYZE clients")
    return len(frame)


def _rows(frame: pd.DataFrame) -> Iterator[tuple]:
    columns = [frame[c].tolist() for c in COLUMNS]
    for i, col in enumerate(columns):
        if COLUMNS[i] in ("data_updated_at", "created_at"):
            columns[i] = [pd.Timestamp(v).to_pydatetime() for v in col]
    return zip(*columns, strict=True)


def _executemany_pragmas(connection, load) -> None:
    connection.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MiB for this connection
    load()
    connection.exec_driver_sql("PRAGMA cache_size = -2000")  # back to SQLite's default
