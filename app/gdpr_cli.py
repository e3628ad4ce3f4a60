"""`flask --app wsgi gdpr purge [--dry-run]`, `audit verify` and `audit checkpoint`."""

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
@click.option(
    "--checkpoints",
    "checkpoints_at",
    type=click.Path(exists=True, dir_okay=True),
    help="Checkpoint file or directory (default AUDIT_CHECKPOINT_DIR); log lines work too.",
)
def audit_verify(checkpoints_at: str | None) -> None:
    """Check the keyed chains against the purge anchors and the latest signed checkpoint.

    Exit 1 and name the chain, the seq and the kind of tampering if something does not hold.
    """
    from app.database import current_database
    from app.services.audit_verify import verify

    result = verify(current_database().session, checkpoints_at)
    if result.ok:
        pinned = (
            f", up to the checkpoint of {result.checkpoint.time}"
            f" ({result.checkpoint.events} events)"
            if result.checkpoint
            else "; no checkpoint found: a cut-off tail would not be seen"
        )
        click.echo(f"audit chain intact: {result.checked} events verified{pinned}")
        return
    where = f" in chain {result.chain}" if result.chain is not None else ""
    where += f" at seq {result.broken_seq}" if result.broken_seq is not None else ""
    click.echo(
        f"audit chain {result.kind}{where}: {result.reason} "
        f"({result.checked} events verified before it)",
        err=True,
    )
    raise SystemExit(1)


@audit_cli.command("checkpoint")
def audit_checkpoint() -> None:
    """Write a signed checkpoint of the chains' heads now (log line and AUDIT_CHECKPOINT_DIR)."""
    from app.services.audit_checkpoints import checkpoint_path, write

    checkpoint = write("manual")
    click.echo(
        f"audit checkpoint: {checkpoint.events} events in {len(checkpoint.heads)} chains,"
        f" written to {checkpoint_path()}"
    )


@audit_cli.command("web-role-sql")
@click.argument("role")
def audit_web_role_sql(role: str) -> None:
    """Print the PostgreSQL grants of a web role with INSERT and SELECT only on the audit trail."""
    from db.roles import web_role_statements

    try:
        statements = web_role_statements(role)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="ROLE") from None
    for statement in statements:
        click.echo(statement + ";")
