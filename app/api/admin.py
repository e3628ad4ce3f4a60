"""Human oversight and retention for administrators: the model switch, the next purge."""

from __future__ import annotations

from app.api.routing import Route
from app.api.schemas import requests as rq
from app.api.schemas import responses as rs
from app.models import utcnow
from app.services import administration, oversight, permissions


def model_switch(user):
    return oversight.switch_status(user)


def set_model_switch(user, body: rq.ModelSwitchRequest):
    return oversight.set_model_enabled(body.enabled, user)


def retention_preview(user):
    now = utcnow()
    return {"as_of": now.isoformat(), "categories": administration.retention_preview(user, now)}


ADMIN = permissions.roles_for("administer")
SWITCH = permissions.roles_for("switch_model")
ROUTES = [
    Route(
        "GET",
        "/admin/model-switch",
        model_switch,
        "Is the model switched on?",
        "admin",
        roles=SWITCH,
        response=rs.ModelSwitch,
        errors=(401, 403, 429),
    ),
    Route(
        "PUT",
        "/admin/model-switch",
        set_model_switch,
        "Switch the model off or on (AI Act Art. 14)",
        "admin",
        roles=SWITCH,
        body=rq.ModelSwitchRequest,
        response=rs.ModelSwitch,
        errors=(400, 401, 403, 413, 415, 422, 429),
        description='Off: every score answers recommendation "manual_review" with no '
        "probability, for every worker at once, and the dashboard shows a banner. Audited.",
    ),
    Route(
        "GET",
        "/admin/retention",
        retention_preview,
        "What the next retention purge takes",
        "admin",
        roles=ADMIN,
        response=rs.RetentionPreview,
        errors=(401, 403, 429),
        description="Per category: the retention period, the cut-off and the number of rows "
        "`flask --app wsgi gdpr purge` would delete now.",
    ),
]
