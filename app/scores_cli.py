"""`flask --app wsgi scores refresh`: re-score every client with the active model."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

scores_cli = AppGroup("scores", help="Scores kept on the clients (risk-band filter).")


@scores_cli.command("refresh")
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=50_000,
    show_default=True,
    help="Clients scored per database round trip.",
)
def scores_refresh(batch: int) -> None:
    """Score every client with the active model and keep it as the client's latest score."""
    from app.services.errors import Unavailable
    from app.services.refresh import refresh_scores

    started = time.perf_counter()
    try:
        count = refresh_scores(batch)
    except Unavailable as exc:
        raise click.UsageError(exc.message) from None
    click.echo(f"scored {count} clients in {time.perf_counter() - started:.1f} s")
