"""Rescoring the portfolio as a job of chunks, without Redis (the jobs run in process): the
figures, idempotent chunks, retries and errors, refusals; the CLI, the API and the admin page.
Each test runs on SQLite and on PostgreSQL (the writes go through COPY there)."""

from __future__ import annotations

import itertools
import uuid

import pytest
from dashboard_helpers import text_of
from jobs_helpers import CHUNK, CLIENTS, bearer, records_per_client
from sqlalchemy import func, select

from app.callbacks import admin_jobs
from app.database import current_database
from app.models import AuditEvent, Client, JobChunk, PortfolioJob, ScoreRecord
from app.services import jobs, oversight, rescore
from app.services.errors import Invalid, Unavailable


def count(model) -> int:
    return current_database().session.scalar(select(func.count()).select_from(model))


def test_without_redis_the_job_runs_in_process_and_its_figures_are_right(people, portfolio):
    assert jobs.job_queue() is None  # no REDIS_URL: make run's embedded default
    job_id = jobs.enqueue_rescore(people["admin"], "on_demand", CHUNK)
    figures = rescore.progress(job_id, people["admin"])
    chunks = -(-CLIENTS // CHUNK)
    assert figures["state"] == "done" and figures["runner"] == "in_process"
    assert (figures["chunks_total"], figures["chunks_done"], figures["chunks_failed"]) == (
        chunks,
        chunks,
        0,
    )
    assert figures["clients_total"] == figures["clients_scored"] == CLIENTS
    assert figures["errors"] == figures["failed_attempts"] == 0 and figures["eta_seconds"] == 0
    # Every client once, with its explanation, and the record is its latest score.
    assert records_per_client() == dict.fromkeys(portfolio, 1)
    session = current_database().session
    for record, client in session.execute(
        select(ScoreRecord, Client).join(Client, Client.id == ScoreRecord.client_id)
    ):
        assert (
            record.explanation["contributions"] and record.model_version == figures["model_version"]
        )
        assert client.probability == record.probability and client.scored_at is not None
        assert record.requested_by == people["admin"].id
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "scores_refresh"))
    assert event.actor_id == people["admin"].id
    assert event.details == {
        "job_id": str(job_id),
        "reason": "on_demand",
        "chunks": chunks,
        "count": CLIENTS,
    }


def test_the_chunks_cover_every_client_by_id_range_without_overlap(people, portfolio):
    job = rescore.plan(people["admin"], "on_demand", CHUNK, "in_process")
    chunks = list(
        current_database().session.scalars(
            select(JobChunk).where(JobChunk.job_id == job.id).order_by(JobChunk.seq)
        )
    )
    assert chunks[0].first_id is None and chunks[-1].end_id is None
    for before, after in itertools.pairwise(chunks):
        assert before.end_id == after.first_id == portfolio[after.seq * CHUNK]


def test_a_chunk_run_again_stores_nothing_twice(people, portfolio):
    job_id = jobs.enqueue_rescore(people["admin"], "on_demand", CHUNK)
    before = count(ScoreRecord)
    assert rescore.run_chunk(job_id, 1) == 0  # a retry of a chunk already stored
    assert count(ScoreRecord) == before == CLIENTS
    chunk = current_database().session.get(JobChunk, (job_id, 1))
    assert chunk.status == "done" and chunk.clients == CHUNK


def test_a_chunk_claimed_by_another_run_while_it_scored_is_not_stored(
    people, portfolio, monkeypatch
):
    """Two runs of one chunk (a retry while the first is still alive): the second to commit
    finds the row done and writes nothing."""
    job = rescore.plan(people["admin"], "on_demand", CHUNK, "in_process")
    current_database().session.commit()
    scoring = rescore.evaluate

    def evaluate_while_another_run_stores(*args, **kwargs):
        monkeypatch.setattr(rescore, "evaluate", scoring)
        assert rescore.run_chunk(job.id, 0) == CHUNK  # the other run, in between
        return scoring(*args, **kwargs)

    monkeypatch.setattr(rescore, "evaluate", evaluate_while_another_run_stores)
    assert rescore.run_chunk(job.id, 0) == 0
    assert records_per_client() == dict.fromkeys(portfolio[:CHUNK], 1)


@pytest.fixture
def poisoned(monkeypatch, portfolio):
    """Storing a chunk that holds the poisoned client fails, `fail_times` times (a list so the
    test can set it); nothing of that chunk may then be written."""
    target = portfolio[2 * CHUNK + 5]  # in chunk 2
    fail_times = [rescore.MAX_ATTEMPTS]
    store = rescore._store

    def failing_store(connection, requested_by, client_ids, *args):
        store(connection, requested_by, client_ids, *args)  # written, then rolled back
        if target in client_ids and fail_times[0] > 0:
            fail_times[0] -= 1
            raise RuntimeError("disk full while storing")

    monkeypatch.setattr(rescore, "_store", failing_store)
    return fail_times


def test_a_chunk_failing_every_attempt_is_reported_and_the_others_are_stored(
    people, portfolio, poisoned
):
    job_id = jobs.enqueue_rescore(people["admin"], "on_demand", CHUNK)
    figures = rescore.progress(job_id, people["admin"])
    assert figures["state"] == "failed"
    assert (figures["chunks_done"], figures["chunks_failed"], figures["errors"]) == (4, 1, 1)
    assert figures["failed_attempts"] == rescore.MAX_ATTEMPTS
    assert figures["clients_scored"] == CLIENTS - CHUNK
    (error,) = figures["error_details"]
    assert error == {
        "chunk": 2,
        "status": "failed",
        "attempts": rescore.MAX_ATTEMPTS,
        "error": "RuntimeError: disk full while storing",
    }
    stored = records_per_client()
    assert set(stored) == set(portfolio) - set(portfolio[2 * CHUNK : 3 * CHUNK])
    assert set(stored.values()) == {1}
    unscored = select(func.count()).where(Client.probability.is_(None))
    assert current_database().session.scalar(unscored) == CHUNK


def test_a_transient_failure_is_retried_and_stored_once(people, portfolio, poisoned):
    poisoned[0] = 1
    job_id = jobs.enqueue_rescore(people["admin"], "on_demand", CHUNK)
    figures = rescore.progress(job_id, people["admin"])
    assert figures["state"] == "done" and figures["errors"] == 0
    assert figures["failed_attempts"] == 1 and figures["clients_scored"] == CLIENTS
    assert figures["error_details"][0]["status"] == "done"  # the failure shown, then stored
    assert records_per_client() == dict.fromkeys(portfolio, 1)


@pytest.mark.parametrize(
    ("reason", "chunk_size", "field"),
    [
        ("because", CHUNK, "reason"),
        ("on_demand", 0, "chunk_size"),
        ("on_demand", rescore.MAX_CHUNK_SIZE + 1, "chunk_size"),
        ("on_demand", "50", "chunk_size"),
    ],
)
def test_bad_parameters_are_refused_by_field_before_anything_is_written(
    people, reason, chunk_size, field
):
    with pytest.raises(Invalid) as refused:
        jobs.enqueue_rescore(people["admin"], reason, chunk_size)
    assert list(refused.value.fields) == [field]
    assert count(PortfolioJob) == 0 and count(ScoreRecord) == 0
    query = select(func.count()).where(AuditEvent.action == "scores_refresh")
    assert current_database().session.scalar(query) == 0


def test_no_rescoring_while_the_model_is_switched_off(people, portfolio):
    oversight.set_model_enabled(False, people["admin"])
    with pytest.raises(Unavailable):
        jobs.enqueue_rescore(people["admin"], "on_demand", CHUNK)
    assert count(PortfolioJob) == 0 and count(ScoreRecord) == 0


# --- the faces: CLI, API, admin page -------------------------------------------------------


def test_the_cli_runs_the_job_and_prints_its_figures(jobs_app, portfolio):
    result = jobs_app.test_cli_runner().invoke(
        args=["scores", "refresh", "--chunk-size", str(CHUNK)]
    )
    assert result.exit_code == 0, result.output
    assert f"{CLIENTS} clients scored in 5/5 chunks, 0 failed" in result.output
    assert records_per_client() == dict.fromkeys(portfolio, 1)


def test_the_cli_exits_non_zero_and_names_a_failed_chunk(jobs_app, portfolio, poisoned):
    result = jobs_app.test_cli_runner().invoke(
        args=["scores", "refresh", "--chunk-size", str(CHUNK)]
    )
    assert result.exit_code == 1
    assert "4/5 chunks, 1 failed" in result.output
    assert "chunk 2: RuntimeError: disk full while storing" in result.output


def test_the_cli_refuses_a_bad_chunk_size(jobs_app):
    result = jobs_app.test_cli_runner().invoke(args=["scores", "refresh", "--chunk-size", "0"])
    assert result.exit_code == 2 and "--chunk-size" in result.output
    assert count(PortfolioJob) == 0


def test_the_api_starts_a_job_and_reports_its_progress(jobs_app, people, portfolio):
    http = jobs_app.test_client()
    admin = bearer(people["admin"])
    started = http.post("/api/v1/admin/jobs/rescore", headers=admin, json={"chunk_size": CHUNK})
    assert started.status_code == 202, started.get_json()
    body = started.get_json()
    assert body["state"] == "done" and body["clients_scored"] == CLIENTS
    followed = http.get(f"/api/v1/admin/jobs/{body['id']}", headers=admin)
    assert followed.status_code == 200
    assert {k: followed.get_json()[k] for k in ("chunks_total", "chunks_done", "errors")} == {
        "chunks_total": 5,
        "chunks_done": 5,
        "errors": 0,
    }
    missing = http.get(f"/api/v1/admin/jobs/{uuid.uuid4()}", headers=admin)
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("body", [{"chunk_size": 0}, {"chunk_size": "50"}, {"size": 5}])
def test_the_api_refuses_a_bad_body_by_field(jobs_app, people, portfolio, body):
    response = jobs_app.test_client().post(
        "/api/v1/admin/jobs/rescore", headers=bearer(people["admin"]), json=body
    )
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error" and set(error["fields"]) <= {"chunk_size", "size"}
    assert count(PortfolioJob) == 0


def test_the_admin_page_asks_first_then_starts_and_follows_the_job(
    jobs_app, acting, people, portfolio, monkeypatch
):
    from dash import ctx

    def press(component_id):
        monkeypatch.setattr(type(ctx), "triggered_id", property(lambda _self: component_id))

    with acting(people["admin"], "en"):
        press("admin-rescore-open")
        is_open, body, _feedback = admin_jobs.ask_rescore(1, None, None)
        assert is_open is True
        assert f"{CLIENTS} clients will be rescored" in text_of(body)
        assert count(PortfolioJob) == 0  # asking starts nothing
        feedback, job_id = admin_jobs.start(1)
        assert feedback.id == "admin-rescore-started"
        panel, stop_polling = admin_jobs.show_progress(1, job_id)
    assert stop_polling is True
    shown = text_of(panel)
    assert "Done" in shown and f"1 of 1 chunks · {CLIENTS} of {CLIENTS} clients rescored" in shown
    assert records_per_client() == dict.fromkeys(portfolio, 1)
