"""`flask --app wsgi scores refresh [--wait]`: rescore every client with the active model, as a
portfolio job of chunks (services/jobs): on the RQ workers with Redis, here without it."""

from __future__ import annotations

import click
from flask.cli import AppGroup

scores_cli = AppGroup("scores", help="Scores kept on the clients (risk-band filter).")


@scores_cli.command("refresh")
@click.option(
    "--chunk-size",
    "--batch",
    "chunk_size",
    type=click.IntRange(min=1, max=100_000),
    default=10_000,
    show_default=True,
    help="Clients per chunk (one job, one transaction each).",
)
@click.option(
    "--wait/--no-wait",
    default=False,
    help="With Redis: follow the workers with a progress bar until the job ends.",
)
def scores_refresh(chunk_size: int, wait: bool) -> None:
    """Score every client with explanations and keep each as the client's latest score."""
    from app.services import jobs
    from app.services.errors import ServiceError

    bar = _ProgressBar()
    try:
        job_id = jobs.enqueue_rescore(None, "on_demand", chunk_size, on_progress=bar.update)
        if jobs.job_queue() is not None:
            click.echo(f"job {job_id} enqueued (GET /api/v1/admin/jobs/{job_id})")
            if not wait:
                return
            figures = jobs.wait(job_id, on_progress=bar.update)
        else:
            from app.services.rescore import progress

            figures = progress(job_id, None)
    except ServiceError as exc:
        raise click.UsageError(exc.message) from None
    finally:
        bar.close()
    click.echo(
        f"job {figures['id']}: {figures['clients_scored']} clients scored in "
        f"{figures['chunks_done']}/{figures['chunks_total']} chunks, "
        f"{figures['errors']} failed, {figures['elapsed_seconds']:.1f} s"
    )
    for error in figures["error_details"]:
        if error["status"] == "failed":
            click.echo(f"chunk {error['chunk']}: {error['error']}", err=True)
    if figures["errors"]:
        raise SystemExit(1)


class _ProgressBar:
    """A tqdm bar over the job's clients, fed by each progress reading."""

    def __init__(self) -> None:
        self._bar = None

    def update(self, figures: dict) -> None:
        from tqdm import tqdm

        if self._bar is None:
            self._bar = tqdm(total=figures["clients_total"], unit="clients", unit_scale=True)
        self._bar.n = figures["clients_scored"]
        self._bar.set_postfix(
            chunks=f"{figures['chunks_done']}/{figures['chunks_total']}",
            errors=figures["errors"],
            refresh=False,
        )
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
