"""`flask --app wsgi models approve|activate|challenger|list`: the model lifecycle for an
operator at the server's shell, through the same use cases as the API and the dashboard."""

from __future__ import annotations

import click
from flask.cli import AppGroup

models_cli = AppGroup("models", help="Model versions: approval, activation, challenger.")


def _refused(exc, option: str | None = None) -> click.UsageError:
    """One line naming the option and the rule (exit status 2), never a traceback."""
    fields = "; ".join(f"{name}: {rule}" for name, rule in getattr(exc, "fields", {}).items())
    prefix = f"{option}: " if option and not fields else ""
    return click.UsageError(prefix + (f"{exc.message} ({fields})" if fields else exc.message))


@models_cli.command("list")
def models_list() -> None:
    """Every version, newest first: active, challenger, approval."""
    from app.services import catalogue, lifecycle

    challenger = lifecycle.choice()["challenger"]
    for row in catalogue.versions():
        approval = row["approval"]
        marks = ("active " if row["active"] else "") + (
            "challenger " if row["version"] == challenger else ""
        )
        said = f"approved by {approval['by']} at {approval['at']}" if approval else "not approved"
        click.echo(f"{row['version']}  {marks}{said}")


@models_cli.command("approve")
@click.argument("version")
@click.option("--by", "email", required=True, help="The approving administrator's e-mail.")
@click.option("--note", required=True, help="What was checked.")
@click.option("--reference", default=None, help="The validation report's reference.")
def models_approve(version: str, email: str, note: str, reference: str | None) -> None:
    """Approve VERSION for service in the name of an administrator."""
    from app.services import lifecycle
    from app.services.errors import ServiceError
    from app.services.users import UserError, find_by_email, normalise_email

    try:
        user = find_by_email(normalise_email(email))
    except UserError as exc:
        raise click.UsageError(f"--by: {exc}") from None
    if user is None or not user.active:
        raise click.UsageError("--by: must name an active administrator")
    try:
        # At the server's shell the operator is who they say with their own access: fresh.
        result = lifecycle.approve(version, user, note, reference, fresh_login=True)
    except ServiceError as exc:
        raise _refused(exc, "--by") from None
    click.echo(f"approved {result['version']} by {user.email}")


@models_cli.command("activate")
@click.argument("version")
def models_activate(version: str) -> None:
    """Make the approved VERSION the active one on every instance (within seconds)."""
    from app.services import lifecycle
    from app.services.errors import ServiceError

    try:
        choice = lifecycle.activate(version, None)
    except ServiceError as exc:
        raise _refused(exc, "VERSION") from None
    click.echo(f"active version: {choice['active']}")


@models_cli.command("challenger")
@click.argument("version", required=False)
@click.option("--off", is_flag=True, help="Stop the challenger.")
def models_challenger(version: str | None, off: bool) -> None:
    """Score in shadow with VERSION too, or stop with --off."""
    from app.services import lifecycle
    from app.services.errors import ServiceError

    if off == (version is not None):
        raise click.UsageError("give either VERSION or --off")
    try:
        choice = lifecycle.stop_challenger(None) if off else lifecycle.set_challenger(version, None)
    except ServiceError as exc:
        raise _refused(exc, "VERSION") from None
    click.echo(f"challenger: {choice['challenger'] or 'none'}")
