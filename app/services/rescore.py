"""Rescoring the whole portfolio as a job of chunks (issue 14 §4).

`plan` splits the clients, in key order, into chunks of `chunk_size` by id range and keeps one
row per chunk (models/jobs). `run_chunk` scores one chunk with explanations, then stores its
score records, the clients' latest scores and the chunk row marked done in ONE transaction
that first claims the row (`UPDATE ... WHERE status <> 'done'`): a chunk run twice (a retry
after a killed worker, two workers handed the same chunk) stores its records once, because the
second claim waits for the first transaction's row lock and then finds the row done.
"""

from __future__ import annotations

import logging
import time
import uuid

from sqlalchemy import and_, case, func, select, update

from app.database import current_database
from app.models import Client, JobChunk, PortfolioJob, ScoreRecord, User, utcnow
from app.services import audit, bulk, oversight, permissions, shadow
from app.services.errors import Invalid, NotFound, Unavailable
from app.services.models import model_service
from app.services.refresh import vacuum_clients
from app.services.scoring import evaluate, served_model
from modelling.features import FEATURE_NAMES

log = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 10_000
MAX_CHUNK_SIZE = 100_000
MAX_ATTEMPTS = 3  # a chunk that fails this many times is reported as an error
REASONS = ("on_demand", "model_activation")
EXPLANATION_LANGUAGE = "fr"  # stored explanations, as the client page first shows them
ERRORS_SHOWN = 20
SCORE_COLUMNS = (
    "id",
    "client_id",
    "requested_by",
    "inputs",
    "probability",
    "recommendation",
    "threshold",
    "model_version",
    "explanation",
    "created_at",
    "challenger_version",  # the challenger's shadow score (issue 12 §4): stored, never shown
    "challenger_probability",
)


def check_request(reason: str, chunk_size: int) -> None:
    """The job's parameters, refused by field before anything is written."""
    if reason not in REASONS:
        raise Invalid("The request is invalid.", {"reason": f"must be one of {', '.join(REASONS)}"})
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int):
        raise Invalid("The request is invalid.", {"chunk_size": "must be an integer"})
    if not 1 <= chunk_size <= MAX_CHUNK_SIZE:
        raise Invalid(
            "The request is invalid.",
            {"chunk_size": f"must be between 1 and {MAX_CHUNK_SIZE:,}".replace(",", " ")},
        )


def plan(actor: User | None, reason: str, chunk_size: int, runner: str) -> PortfolioJob:
    """Create the job and its chunks (audited); `actor` None is the operator's CLI."""
    if actor is not None:
        permissions.require(actor, "run_jobs")
    check_request(reason, chunk_size)
    if not oversight.model_enabled():
        raise Unavailable("The model is switched off: rescoring is unavailable.")
    model = served_model()
    database = current_database()
    session = database.session
    total = session.scalar(select(func.count()).select_from(Client)) or 0
    numbered = select(Client.id, func.row_number().over(order_by=Client.id).label("n")).subquery()
    starts = list(
        session.scalars(
            select(numbered.c.id)
            .where((numbered.c.n - 1) % chunk_size == 0)
            .order_by(numbered.c.id)
        )
    )
    job = PortfolioJob(
        kind="rescore",
        reason=reason,
        requested_by=actor.id if actor is not None else None,
        model_version=model.version,
        chunk_size=chunk_size,
        chunks_total=len(starts),
        clients_total=total,
        runner=runner,
        created_at=utcnow(),
    )
    with database.transaction() as session:
        session.add(job)
        session.flush()
        session.add_all(
            JobChunk(
                job_id=job.id,
                seq=seq,
                first_id=None if seq == 0 else first,  # the first chunk takes any smaller id
                end_id=starts[seq + 1] if seq + 1 < len(starts) else None,
                status="pending",
                clients=0,
                attempts=0,
            )
            for seq, first in enumerate(starts)
        )
        details = {"job_id": str(job.id), "reason": reason, "chunks": len(starts), "count": total}
        audit.record(
            "scores_refresh", job.requested_by, model_version=model.version, details=details
        )
    return job


def run_chunk(job_id: uuid.UUID, seq: int) -> int:
    """Score and store one chunk unless it is done already; returns the clients stored now."""
    started = time.perf_counter()
    database = current_database()
    session = database.session
    chunk = session.get(JobChunk, (job_id, seq))
    if chunk is None:
        raise NotFound(f"no chunk {seq} of job {job_id}")
    if chunk.status == "done":
        session.rollback()
        return 0
    job = session.get(PortfolioJob, job_id)
    if not oversight.model_enabled():
        raise Unavailable("The model is switched off: rescoring is unavailable.")
    model = served_model()
    if model.version != job.model_version:  # a version activated since: read the choice now
        model_service().refresh()
        model = served_model()
    if model.version != job.model_version:
        raise Unavailable(
            f"the served model is {model.version}, the job was planned for {job.model_version}"
        )
    query = select(Client.id, *(getattr(Client, n) for n in FEATURE_NAMES)).order_by(Client.id)
    if chunk.first_id is not None:
        query = query.where(Client.id >= chunk.first_id)
    if chunk.end_id is not None:
        query = query.where(Client.id < chunk.end_id)
    found = session.execute(query).all()
    requested_by = job.requested_by
    session.rollback()  # end the read: the write below is its own short transaction
    rows = [dict(zip(FEATURE_NAMES, row[1:], strict=True)) for row in found]
    items = evaluate(rows, EXPLANATION_LANGUAGE, True, model) if rows else []
    now = utcnow()
    with database.transaction() as session:
        connection = session.connection()
        claimed = connection.execute(
            update(JobChunk)
            .where(JobChunk.job_id == job_id, JobChunk.seq == seq, JobChunk.status != "done")
            .values(
                status="done",
                clients=len(rows),
                seconds=time.perf_counter() - started,
                finished_at=now,
            )
        ).rowcount
        if claimed == 0:  # another run of this chunk stored it while this one scored
            return 0
        _store(connection, requested_by, [row[0] for row in found], rows, items, now)
        connection.execute(
            update(JobChunk)
            .where(JobChunk.job_id == job_id, JobChunk.seq == seq)
            .values(seconds=time.perf_counter() - started, finished_at=utcnow())
        )
    log.info("rescore %s: chunk %d stored, %d clients", job_id, seq, len(rows))
    if not _pending(job_id):  # the last chunk (at least one of the last, in a race)
        vacuum_clients()
    return len(rows)


def _pending(job_id: uuid.UUID) -> int:
    session = current_database().session
    query = select(func.count()).where(JobChunk.job_id == job_id, JobChunk.status == "pending")
    count = session.scalar(query)
    session.rollback()
    return count


def _store(connection, requested_by, client_ids, rows, items, now) -> None:
    """The chunk's score records and each client's latest score, in the caller's transaction."""
    challenger, shadows = shadow.probabilities(rows)
    records = (
        (
            uuid.uuid4(),
            client_id,
            requested_by,
            row,
            item["probability_of_default"],
            item["recommendation"],
            item["threshold"],
            item["model_version"],
            item["explanation"],
            now,
            challenger,
            shadows[i] if shadows else None,
        )
        for i, (client_id, row, item) in enumerate(zip(client_ids, rows, items, strict=True))
    )
    bulk.insert_rows(connection, ScoreRecord.__table__, SCORE_COLUMNS, records)
    bulk.update_from(
        connection,
        Client.__table__,
        "id",
        ("probability", "scored_model_version", "scored_at"),
        (
            (client_id, item["probability_of_default"], item["model_version"], now)
            for client_id, item in zip(client_ids, items, strict=True)
        ),
    )


def record_failure(job_id: uuid.UUID, seq: int, error: str, final: bool) -> None:
    """A failed attempt of a chunk (never one already stored); `final`: no retry is left."""
    values = {"attempts": JobChunk.attempts + 1, "error": error[:2000]}
    if final:
        values["status"] = "failed"
        values["finished_at"] = utcnow()
    with current_database().transaction() as session:
        session.execute(
            update(JobChunk)
            .where(JobChunk.job_id == job_id, JobChunk.seq == seq, JobChunk.status != "done")
            .values(**values)
        )


def progress(job_id: uuid.UUID, actor: User | None) -> dict:
    """Chunks done, clients scored, errors and the estimated time left, read from the store."""
    if actor is not None:
        permissions.require(actor, "run_jobs")
    session = current_database().session
    job = session.get(PortfolioJob, job_id)
    if job is None:
        raise NotFound("No such job.")
    done = JobChunk.status == "done"
    failed = JobChunk.status == "failed"
    figures = session.execute(
        select(
            func.count(case((done, 1))),
            func.count(case((failed, 1))),
            func.coalesce(func.sum(case((done, JobChunk.clients), else_=0)), 0),
            func.coalesce(func.sum(JobChunk.attempts), 0),
            func.max(JobChunk.finished_at),
        ).where(JobChunk.job_id == job_id)
    ).one()
    chunks_done, chunks_failed, scored, attempts, last = figures
    errors = session.execute(
        select(JobChunk.seq, JobChunk.status, JobChunk.attempts, JobChunk.error)
        .where(and_(JobChunk.job_id == job_id, JobChunk.error.is_not(None)))
        .order_by(JobChunk.seq)
        .limit(ERRORS_SHOWN)
    ).all()
    finished = chunks_done + chunks_failed == job.chunks_total
    state = "running" if chunks_done + chunks_failed or attempts else "queued"
    if finished:
        state = "failed" if chunks_failed else "done"
    now = utcnow()
    elapsed = ((last if finished and last else now) - job.created_at).total_seconds()
    remaining = job.chunks_total - chunks_done - chunks_failed
    eta = None
    if finished:
        eta = 0.0
    elif chunks_done:
        eta = round(elapsed * remaining / chunks_done, 1)
    return {
        "id": str(job.id),
        "kind": job.kind,
        "reason": job.reason,
        "state": state,
        "runner": job.runner,
        "model_version": job.model_version,
        "created_at": job.created_at.isoformat(),
        "finished_at": last.isoformat() if finished and last else None,
        "chunk_size": job.chunk_size,
        "chunks_total": job.chunks_total,
        "chunks_done": chunks_done,
        "chunks_failed": chunks_failed,
        "clients_total": job.clients_total,
        "clients_scored": int(scored),
        "errors": chunks_failed,
        "failed_attempts": int(attempts),
        "error_details": [
            {"chunk": seq, "status": status, "attempts": tries, "error": error}
            for seq, status, tries, error in errors
        ],
        "elapsed_seconds": round(elapsed, 1),
        "eta_seconds": eta,
    }


def preview(actor: User, chunk_size: int = DEFAULT_CHUNK_SIZE) -> dict:
    """What a rescoring would do now (the confirmation dialogue): clients, chunks, model."""
    permissions.require(actor, "run_jobs")
    if not oversight.model_enabled():
        raise Unavailable("The model is switched off: rescoring is unavailable.")
    model = served_model()
    total = current_database().session.scalar(select(func.count()).select_from(Client)) or 0
    return {
        "clients": total,
        "chunks": -(-total // chunk_size),
        "model_version": model.version,
    }


def latest_job_id(actor: User) -> uuid.UUID | None:
    """The most recent rescoring (the admin page follows it)."""
    permissions.require(actor, "run_jobs")
    query = select(PortfolioJob.id).order_by(PortfolioJob.created_at.desc()).limit(1)
    return current_database().session.scalar(query)
