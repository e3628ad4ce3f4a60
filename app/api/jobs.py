"""Portfolio jobs for administrators: start a rescoring of every client, follow a job."""

from __future__ import annotations

import uuid

from app.api.routing import Route
from app.api.schemas import jobs as js
from app.services import jobs, permissions, rescore


def start_rescore(user, body: js.RescoreRequest):
    job_id = jobs.enqueue_rescore(user, "on_demand", body.chunk_size)
    return rescore.progress(job_id, user)


def job_progress(user, job_id: uuid.UUID):
    return rescore.progress(job_id, user)


JOBS = permissions.roles_for("run_jobs")
ROUTES = [
    Route(
        "POST",
        "/admin/jobs/rescore",
        start_rescore,
        "Rescore every client with the active model (a portfolio job)",
        "admin",
        roles=JOBS,
        body=js.RescoreRequest,
        response=js.JobProgress,
        status=202,
        errors=(400, 401, 403, 413, 415, 422, 429, 503),
        description="Splits the clients by id range into chunks, each a job on the Redis queue "
        "that scores its clients with explanations and stores them in one transaction (retried "
        "and never stored twice). Without Redis the chunks run before the answer. Audited.",
    ),
    Route(
        "GET",
        "/admin/jobs/<uuid:job_id>",
        job_progress,
        "A portfolio job's progress",
        "admin",
        roles=JOBS,
        response=js.JobProgress,
        errors=(401, 403, 404, 429),
        description="Chunks done and failed, clients scored, errors and the estimated time left.",
    ),
]
