"""GET /models and /models/active: what is registered and what is served; the lifecycle
(issue 12): approve a version, make it active, set or stop the challenger (admins)."""

from __future__ import annotations

from app.api.routing import Route
from app.api.schemas import lifecycle as lc
from app.services import catalogue, lifecycle, permissions


def list_models(user):
    return {"items": catalogue.versions()}


def active_model(user):
    return catalogue.active()


def approve_model(user, version: str, body: lc.ApprovalRequest):
    # fresh=True on the route: only a token from a log-in reaches this view.
    return lifecycle.approve(version, user, body.note, body.reference, fresh_login=True)


def activate_model(user, body: lc.VersionRequest):
    return lifecycle.activate(body.version, user)


def set_challenger(user, body: lc.VersionRequest):
    return lifecycle.set_challenger(body.version, user)


def stop_challenger(user):
    return lifecycle.stop_challenger(user)


APPROVERS = permissions.roles_for("approve_model")
GOVERNORS = permissions.roles_for("activate_model")
ROUTES = [
    Route(
        "GET",
        "/models",
        list_models,
        "Registered model versions with their metrics and approvals",
        "models",
        response=lc.ModelVersionList,
        errors=(401, 429),
    ),
    Route(
        "GET",
        "/models/active",
        active_model,
        "The model being served, with its approval",
        "models",
        response=lc.ActiveModelEntry,
        errors=(401, 429, 503),
    ),
    Route(
        "POST",
        "/models/<version>/approval",
        approve_model,
        "Approve a version for service",
        "models",
        roles=APPROVERS,
        fresh=True,
        body=lc.ApprovalRequest,
        response=lc.ApprovalResponse,
        status=201,
        errors=(400, 401, 403, 404, 409, 413, 415, 422, 429),
        description="Records who approved, when, the note, the reference and the artefact's "
        "sha256, and publishes the version to the database so that every instance can load "
        "it. Needs a token from a fresh log-in. 403 own_model when the approver trained the "
        "version; 409 already_approved; 409 model_unusable when it does not verify. Audited.",
    ),
    Route(
        "PUT",
        "/models/active",
        activate_model,
        "Make an approved version the active one",
        "models",
        roles=GOVERNORS,
        body=lc.VersionRequest,
        response=lc.ModelChoice,
        errors=(400, 401, 403, 404, 409, 413, 415, 422, 429),
        description="Every instance serves it within MODEL_SETTING_POLL_SECONDS (2 s), without "
        "a restart. 409 not_approved for a version without an approval. Activating the "
        "challenger promotes it (the challenger is then cleared). Audited.",
    ),
    Route(
        "PUT",
        "/models/challenger",
        set_challenger,
        "Score every request in shadow with a challenger version",
        "models",
        roles=GOVERNORS,
        body=lc.VersionRequest,
        response=lc.ModelChoice,
        errors=(400, 401, 403, 404, 409, 413, 415, 422, 429),
        description="Each stored score also gets the challenger's probability on its record; "
        "it never appears in a response, a page or a recommendation. 409 already_active for "
        "the active version. Audited.",
    ),
    Route(
        "DELETE",
        "/models/challenger",
        stop_challenger,
        "Stop the challenger",
        "models",
        roles=GOVERNORS,
        response=lc.ModelChoice,
        errors=(401, 403, 429),
    ),
]
