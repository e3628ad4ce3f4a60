"""The words shown when the service is unavailable (database not answering)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "db_unavailable_title": "Service temporarily unavailable",
    "db_unavailable": "The database is not answering. The page will reload by itself; try "
    "again in a few seconds.",
    "db_unavailable_live": "The database is not answering: your last action was not recorded. "
    "The service recovers by itself; try again in a few seconds.",
}
