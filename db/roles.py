"""The PostgreSQL role the web process should connect as: INSERT and SELECT only on the audit trail.

The owner role (migrations in `release:`, the purge in `clock:`) keeps every right. The web role
reads and writes the application's tables, but on `audit_events` and `audit_head` it may only
read and insert: it appends through `audit_take_head()` (SECURITY DEFINER, migrations 0007 and
0013) and the head-moving trigger, which run as the owner.
`flask --app wsgi audit web-role-sql NAME` prints these statements; docs/security.md says how to
apply them.
"""

from __future__ import annotations

import re

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
AUDIT_TABLES = "audit_events, audit_head"


def web_role_statements(role: str) -> list[str]:
    """GRANT/REVOKE statements for `role` (which must already exist, with LOGIN)."""
    if not ROLE_NAME.match(role):
        raise ValueError(
            f"role must be a lower-case PostgreSQL identifier (letters, digits, _), got {role!r}"
        )
    return [
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {AUDIT_TABLES} FROM {role}",
        f"REVOKE INSERT ON audit_head FROM {role}",
        f"GRANT EXECUTE ON FUNCTION audit_take_head(integer, smallint) TO {role}",
    ]
