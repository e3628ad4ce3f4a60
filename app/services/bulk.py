"""Bulk writes (issue 14 §5): COPY on PostgreSQL (psycopg 3's `cursor.copy`), executemany on
SQLite, on the caller's connection, so they belong to the caller's transaction.

Values go through each column type's own bind processing (UTC datetimes, UUIDs), JSON columns
through the store's one JSON encoder (orjson), so the rows read back exactly as the ORM's would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table

from app.database import dump_json


def _processors(connection: Connection, table: Table, columns: Sequence[str]) -> list[Callable]:
    dialect = connection.dialect
    processors = []
    for name in columns:
        column_type = table.c[name].type
        if isinstance(column_type, JSON):
            processors.append(lambda v: None if v is None else dump_json(v))
        else:
            processors.append(column_type.bind_processor(dialect) or (lambda v: v))
    return processors


BATCH_ROWS = 50_000  # rows per executemany on SQLite (memory stays bounded)


def insert_rows(
    connection: Connection, table: Table | str, columns: Sequence[str], rows: Iterable[Sequence]
) -> int:
    """Insert `rows` (tuples in `columns` order, streamed) into `table`; returns the count.

    `table` may also be the name of a table whose values need no processing (the temporary
    tables of `staged`, loaded with values already processed for their `like` table)."""
    name = table.name if isinstance(table, Table) else table
    if isinstance(table, Table):
        processors = _processors(connection, table, columns)
        rows = (tuple(p(v) for p, v in zip(processors, row, strict=True)) for row in rows)
    column_list = ", ".join(columns)
    count = 0
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {name} ({column_list}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count
    placeholders = ", ".join("?" for _ in columns)
    statement = f"INSERT INTO {name} ({column_list}) VALUES ({placeholders})"  # noqa: S608
    batch: list[tuple] = []
    for row in rows:
        batch.append(tuple(row))
        if len(batch) >= BATCH_ROWS:
            connection.exec_driver_sql(statement, batch)
            count, batch = count + len(batch), []
    if batch:
        connection.exec_driver_sql(statement, batch)
        count += len(batch)
    return count


def staged(
    connection: Connection, like: Table, columns: Sequence[str], rows: Iterable[Sequence], name: str
) -> str:
    """Load rows into the temporary table `name` with `like`'s column types (created once per
    connection, emptied first; on PostgreSQL dropped at commit)."""
    definitions = ", ".join(
        f"{c} {like.c[c].type.compile(dialect=connection.dialect)}" for c in columns
    )
    drop = " ON COMMIT DROP" if connection.dialect.name == "postgresql" else ""
    connection.exec_driver_sql(f"CREATE TEMPORARY TABLE IF NOT EXISTS {name} ({definitions}){drop}")
    connection.exec_driver_sql(f"DELETE FROM {name}")  # noqa: S608
    processors = _processors(connection, like, columns)
    insert_rows(
        connection,
        name,
        columns,
        (tuple(p(v) for p, v in zip(processors, row, strict=True)) for row in rows),
    )
    return name


def update_from(
    connection: Connection,
    table: Table,
    key: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> None:
    """UPDATE `table` SET columns FROM rows (key first, then `columns`) in one statement after a
    bulk load into a temporary table."""
    name = staged(connection, table, (key, *columns), rows, f"staged_{table.name}_update")
    assignments = ", ".join(f"{c} = s.{c}" for c in columns)
    connection.exec_driver_sql(  # UPDATE ... FROM: PostgreSQL, and SQLite since 3.33
        f"UPDATE {table.name} AS t SET {assignments} FROM {name} AS s "  # noqa: S608
        f"WHERE t.{key} = s.{key}"
    )


def upsert(
    connection: Connection,
    table: Table,
    key: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    keep: Sequence[str] = (),
) -> None:
    """INSERT rows (in `columns` order) or, for a key already stored, UPDATE every column but
    the key and those in `keep`, in one statement after a bulk load into a temporary table."""
    name = staged(connection, table, columns, rows, f"staged_{table.name}_upsert")
    column_list = ", ".join(columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key and c not in keep)
    # "WHERE true": SQLite needs it to read ON CONFLICT after INSERT ... SELECT.
    connection.exec_driver_sql(
        f"INSERT INTO {table.name} ({column_list}) SELECT {column_list} FROM {name} "  # noqa: S608
        f"WHERE true ON CONFLICT ({key}) DO UPDATE SET {updates}"
    )
