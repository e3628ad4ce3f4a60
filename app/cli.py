"""Operator commands: `flask --app wsgi db|seed|demo|clients|users ...`.

Every bad argument ends with one clear line naming the option and the rule, exit status 2 (the
usual for usage errors), never a traceback.
"""

from __future__ import annotations

import time

import click
from flask import Flask
from flask.cli import AppGroup

from app.database import current_database

db_cli = AppGroup("db", help="Database migrations (Alembic).")
clients_cli = AppGroup("clients", help="The bank's own clients.")
users_cli = AppGroup("users", help="Dashboard and API users.")
demo_cli = AppGroup("demo", help="Demo data for development (refused in production).")


def init_app(app: Flask) -> None:
    from app.gdpr_cli import audit_cli, gdpr_cli
    from app.models_cli import models_cli
    from app.outcomes_cli import outcomes_cli
    from app.scores_cli import scores_cli

    for group in (db_cli, clients_cli, users_cli, demo_cli, scores_cli, gdpr_cli, audit_cli):
        app.cli.add_command(group)
    app.cli.add_command(outcomes_cli)
    app.cli.add_command(models_cli)
    app.cli.add_command(seed_command)


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Migrate the database to REVISION (default: the latest)."""
    from db.migrate import current_revision, upgrade

    engine = current_database().engine
    upgrade(engine, revision)
    click.echo(f"database at revision {current_revision(engine)}")


@db_cli.command("downgrade")
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    """Migrate the database down to REVISION ("base" removes every table)."""
    from db.migrate import current_revision, downgrade

    engine = current_database().engine
    downgrade(engine, revision)
    click.echo(f"database at revision {current_revision(engine)}")


@db_cli.command("current")
def db_current() -> None:
    """Print the database's revision and the latest one."""
    from db.migrate import current_revision, head_revision

    engine = current_database().engine
    click.echo(f"current: {current_revision(engine)}  head: {head_revision(engine)}")


@click.command("seed")
@click.option("--clients", "n", type=click.IntRange(min=1), required=True, help="How many.")
@click.option("--seed", type=int, default=42, show_default=True, help="Random seed.")
def seed_command(n: int, seed: int) -> None:
    """Add N synthetic clients, spread over the active advisers' portfolios."""
    from app.services.seeding import SeedError, seed_clients

    started = time.perf_counter()
    try:
        count = seed_clients(n, seed=seed)
    except SeedError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"seeded {count} clients in {time.perf_counter() - started:.1f} s")


@demo_cli.command("init")
@click.option("--migrate", is_flag=True, help="Migrate to the latest revision first.")
def demo_init(migrate: bool) -> None:
    """Create demo accounts and 10,000 clients if the store is empty; print the log-ins."""
    from app.services.seeding import DEMO_PASSWORD, SeedError, ensure_demo

    if migrate:  # one process instead of two: `make run` starts in seconds the second time
        db_upgrade.callback("head")
    try:
        result = ensure_demo()
    except SeedError as exc:
        raise click.UsageError(str(exc)) from None
    for email, role in result.accounts:
        click.echo(f"demo log-in  {email:<28} {role:<10} password: {DEMO_PASSWORD}")
    if result.clients:
        click.echo(f"seeded {result.clients} demo clients, {result.scored} scored")
    if not result.accounts and not result.clients:
        click.echo("store already populated: nothing to do")


@clients_cli.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
def clients_import(path: str) -> None:
    """Import FILE.csv (customer_ref, the five features, data_updated_at, adviser_email)."""
    from app.services.client_import import ImportFileError, import_clients

    try:
        report = import_clients(path)
    except ImportFileError as exc:
        raise click.UsageError(str(exc)) from None
    for error in report.errors:
        click.echo(f"rejected: {error}", err=True)
    click.echo(
        f"{report.created} created, {report.updated} updated, "
        f"{len({e.line for e in report.errors})} rows rejected"
    )


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(["adviser", "supervisor", "admin"]), required=True)
@click.option("--password", help="Prompted for (hidden, twice) when not given.")
def users_create(email: str, role: str, password: str | None) -> None:
    """Create a user; the password must pass the policy (12+ chars, mixed case, a digit)."""
    from app.services.passwords import WeakPasswordError
    from app.services.users import UserError, create_user

    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(email, role, password)
    except (UserError, WeakPasswordError) as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"created {user.role.value} {user.email} ({user.id})")


@users_cli.command("deactivate")
@click.argument("email")
def users_deactivate(email: str) -> None:
    """Deactivate a user: their dashboard sessions and API tokens end at once."""
    from app.services.users import UserError, find_by_email, normalise_email, set_active

    try:
        user = find_by_email(normalise_email(email))
    except UserError as exc:
        raise click.UsageError(str(exc)) from None
    if user is None:
        raise click.UsageError("EMAIL does not name a user")
    set_active(user.id, False)
    click.echo(f"deactivated {user.email} ({user.id}): sessions and tokens ended")


@users_cli.command("set-password")
@click.argument("email")
def users_set_password(email: str) -> None:
    """Give a user a new password (prompted twice, or two lines on stdin); ends their sessions."""
    from app.services.passwords import WeakPasswordError
    from app.services.users import UserError, set_password

    password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    try:
        user = set_password(email, password)
    except (UserError, WeakPasswordError) as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"new password set for {user.email} ({user.id}): sessions and tokens ended")
