"""The run_jobs rule (administrators only) gives the same answer through every face: the
service, the API and the admin page's callbacks (the CLI is the operator's, on the server); a
refusal starts nothing and shows nothing of a job."""

from __future__ import annotations

import pytest
from dash import ctx
from dashboard_helpers import text_of
from jobs_helpers import CHUNK, bearer
from sqlalchemy import func, select

from app.callbacks import admin_jobs
from app.callbacks.refusals import refusal_text
from app.database import current_database
from app.models import PortfolioJob
from app.services import jobs, rescore
from app.services.permissions import ActionForbidden

ALLOWED = "allowed"
ROLES = [("adviser", "role"), ("supervisor", "role"), ("admin", ALLOWED)]


def jobs_count() -> int:
    return current_database().session.scalar(select(func.count()).select_from(PortfolioJob))


def by_service(actor) -> dict[str, str]:
    answers = {}
    for name, call in (
        ("start", lambda: jobs.enqueue_rescore(actor, "on_demand", CHUNK)),
        ("preview", lambda: rescore.preview(actor)),
        ("latest", lambda: rescore.latest_job_id(actor)),
    ):
        try:
            call()
            answers[name] = ALLOWED
        except ActionForbidden as exc:
            answers[name] = exc.reason
    return answers


def by_api(http, actor, job_id) -> dict[str, str]:
    headers = bearer(actor)
    responses = {
        "start": http.post(
            "/api/v1/admin/jobs/rescore", headers=headers, json={"chunk_size": CHUNK}
        ),
        "progress": http.get(f"/api/v1/admin/jobs/{job_id}", headers=headers),
    }
    answers = {}
    for name, response in responses.items():
        if response.status_code < 300:
            answers[name] = ALLOWED
        else:
            assert response.status_code == 403, response.get_json()
            assert response.get_json()["error"]["code"] == "forbidden"
            answers[name] = "role"
    return answers


def by_callback(actor, job_id, monkeypatch) -> dict[str, str]:
    refused = refusal_text(ActionForbidden("run_jobs", "role"), "en")
    monkeypatch.setattr(type(ctx), "triggered_id", property(lambda _self: "admin-rescore-open"))
    is_open, _body, feedback = admin_jobs.ask_rescore(1, None, None)
    answers = {"ask": ALLOWED if is_open else ("role" if text_of(feedback) == refused else "?")}
    outcome, _job = admin_jobs.start(1)
    answers["start"] = "role" if text_of(outcome) == refused else ALLOWED
    panel, _stop = admin_jobs.show_progress(1, str(job_id))
    answers["progress"] = "role" if text_of(panel) == refused else ALLOWED
    return answers


@pytest.mark.parametrize(("role", "expected"), ROLES)
def test_every_face_gives_the_same_answer(
    jobs_app, acting, people, portfolio, monkeypatch, role, expected
):
    existing = jobs.enqueue_rescore(people["admin"], "on_demand", CHUNK)
    before = jobs_count()
    actor = people[role]
    answers = by_service(actor)
    answers |= {f"api_{k}": v for k, v in by_api(jobs_app.test_client(), actor, existing).items()}
    with acting(actor, "en"):
        answers |= {f"page_{k}": v for k, v in by_callback(actor, existing, monkeypatch).items()}
    assert answers == dict.fromkeys(answers, expected)
    # Each allowed start made one job; a refused one made none.
    assert jobs_count() == before + (3 if expected == ALLOWED else 0)
