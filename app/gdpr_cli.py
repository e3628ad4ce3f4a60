"""`flask --app wsgi gdpr purge [--dry-run]` and `flask --app wsgi audit verify`."""

from __future__ import annotations

import click
from flask.cli import AppGroup

gdpr_cli = AppGroup("gdpr", help="Retention and the purge (GDPR Art. 5.1.e).")
audit_cli = AppGroup("audit", help="The tamper-evident audit trail.")


@gdpr_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Show what would go, delete nothing.")
def gdpr_purge(dry_run: bool) -> None:
    """Delete every row older than its category's retention period (one audit event)."""
    from app.services.retention import preview, purge

    if dry_run:
        for row in preview():
            rule = f"older than {row['days']} days" if row["days"] else "expired"
            click.echo(f"{row['category']:<15} {row['count']:>9} rows  ({rule})")
        return
    counts = purge()
    click.echo("purged " + ", ".join(f"{name}: {count}" for name, count in counts.items()))


@audit_cli.command("verify")
def audit_verify() -> None:
    """Check the hash chain; exit 1 and name the first broken event if there is one."""
    from app.database import current_database
    from app.services.audit_chain import verify

    result = verify(current_database().session)
    if result.ok:
        click.echo(f"audit chain intact: {result.checked} events verified")
        return
    click.echo(
        f"audit chain broken at event {result.broken_id}: {result.reason} "
        f"({result.checked} events verified before it)",
        err=True,
    )
    raise SystemExit(1)
