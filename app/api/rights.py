"""Client rights (GDPR Arts 15-17, 22): export, rectification, erasure, human-review request.

Export and erasure need a token from a fresh log-in (a stolen refreshed token cannot take a
client's whole file or destroy it); exports have their own rate limit (RATELIMIT_EXPORT), spent
by the service so that the dashboard's exports draw on the same budget. The roles come from the
permission table the services enforce (services/permissions); here they are a second belt.
"""

from __future__ import annotations

import uuid

from app.api.errors import ApiError
from app.api.routing import Route, optional_body
from app.api.schemas import requests as rq
from app.api.schemas import responses as rs
from app.api.schemas.reviews import ReviewRequestBody
from app.services import permissions, rights

CLIENT = "/clients/<uuid:client_id>"


def export_client(user, client_id: uuid.UUID):
    # fresh=True on the route: only a token from a log-in reaches this view.
    return rights.export_client(client_id, user, fresh_login=True)


def rectify_client(user, client_id: uuid.UUID, body):
    changes = body.model_dump(exclude_none=True)
    if not changes:
        raise ApiError(
            422,
            "validation_error",
            "The request is invalid.",
            {"body": "must name at least one feature"},
        )
    return rights.rectify_client(client_id, user, changes)


def erase_client(user, client_id: uuid.UUID):
    return rights.erase_client(client_id, user, fresh_login=True)  # fresh=True on the route


def request_review(user, client_id: uuid.UUID):
    body = optional_body(ReviewRequestBody)
    return rights.request_review(client_id, user, body.client_view if body else None)


ROUTES = [
    Route(
        "GET",
        CLIENT + "/export",
        export_client,
        "Everything held on one client (Art. 15)",
        "rights",
        roles=permissions.roles_for("export"),
        fresh=True,
        response=rs.ExportResponse,
        errors=(401, 403, 404, 429),
        description="Features, data dates, every score with model version, threshold and "
        "explanation, every decision with its justification, and the date each item is "
        "deleted. Needs a token from a fresh log-in (401 fresh_token_required otherwise). "
        "RATELIMIT_EXPORT per identity, shared with the dashboard's export (429). Audited.",
    ),
    Route(
        "PATCH",
        CLIENT,
        rectify_client,
        "Rectify a client's features (Art. 16)",
        "rights",
        roles=permissions.roles_for("rectify"),
        body=rq.ClientRectification,
        response=rs.ClientItem,
        errors=(400, 401, 403, 404, 413, 415, 422, 429),
        description="The merged record is validated as for scoring (seniority at most "
        "age - 14 included); data_updated_at is reset and the old latest score dropped "
        "until the client is scored again. Audited (field names only).",
    ),
    Route(
        "DELETE",
        CLIENT,
        erase_client,
        "Erase a client, its scores and decisions (Art. 17)",
        "rights",
        roles=permissions.roles_for("erase"),
        fresh=True,
        response=rs.ErasureResponse,
        errors=(401, 403, 404, 429),
        description="One transaction. The audit keeps that the erasure happened, by whom "
        "and when, and no feature. Needs a token from a fresh log-in.",
    ),
    Route(
        "POST",
        CLIENT + "/review-request",
        request_review,
        "Record the client's request for human review (Art. 22)",
        "rights",
        roles=permissions.roles_for("request_review"),
        response=rs.ReviewRequestResponse,
        errors=(401, 403, 404, 413, 415, 422, 429),
        description="Puts the client in the review queue (GET /reviews) until a supervisor "
        "records the review decision (POST /reviews/{client_id}/decision), due "
        'REVIEW_DUE_DAYS later. Optional JSON body `{"client_view": "..."}`: the '
        "client's point of view, at most 2,000 characters (422 otherwise). A client already "
        "in the queue keeps its case (its point of view is updated). Audited.",
    ),
]
