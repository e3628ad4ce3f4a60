"""`flask --app wsgi outcomes import FILE.csv --by EMAIL [--skip-invalid]`."""

from __future__ import annotations

import click
from flask.cli import AppGroup

outcomes_cli = AppGroup("outcomes", help="Realised outcomes (defaults) for the back-tests.")


@outcomes_cli.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--by", "email", required=True, help="E-mail of the supervisor or admin importing.")
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Store the valid lines of a file that has bad ones (default: store nothing).",
)
def outcomes_import(path: str, email: str, skip_invalid: bool) -> None:
    """Import FILE.csv (customer_ref or client_id, defaulted 0/1, observed_at YYYY-MM-DD)."""
    from app.services.client_import import ImportFileError
    from app.services.outcome_import import import_outcomes
    from app.services.permissions import ActionForbidden, roles_for
    from app.services.users import UserError, find_by_email, normalise_email

    try:
        actor = find_by_email(normalise_email(email))
    except UserError as exc:
        raise click.BadParameter(str(exc), param_hint="--by") from None
    if actor is None or not actor.active:
        raise click.BadParameter("must be the e-mail of an active user", param_hint="--by")
    try:
        report = import_outcomes(path, actor, skip_invalid=skip_invalid)
    except ActionForbidden:
        roles = " or ".join(roles_for("record_outcome"))
        raise click.BadParameter(f"must be the e-mail of a {roles}", param_hint="--by") from None
    except ImportFileError as exc:
        raise click.UsageError(str(exc)) from None
    for error in report.errors:
        click.echo(f"rejected: {error}", err=True)
    if not report.stored:
        click.echo(
            f"nothing stored: {report.rejected_lines} rows rejected "
            "(fix them, or give --skip-invalid to store the valid ones)",
            err=True,
        )
        raise SystemExit(1)
    click.echo(
        f"{report.created} created, {report.updated} updated, {report.rejected_lines} rows rejected"
    )
