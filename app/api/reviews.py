"""The human review queue: /reviews and a supervisor's review decision (GDPR Art. 22(3))."""

from __future__ import annotations

import uuid

from app.api.routing import Route
from app.api.schemas import responses as rs
from app.api.schemas import reviews as sc
from app.services import permissions, reviews


def list_reviews(user, query: sc.ReviewQueueQuery):
    return reviews.queue(user, query.reason, query.overdue, query.page, query.per_page)


def review_decision(user, client_id: uuid.UUID, body: sc.ReviewDecisionRequest):
    return reviews.record_review(client_id, user, body.decision, body.justification)


ROUTES = [
    Route(
        "GET",
        "/reviews",
        list_reviews,
        "The human review queue, oldest first",
        "reviews",
        roles=permissions.roles_for("view_reviews"),
        query=sc.ReviewQueueQuery,
        response=sc.ReviewQueueResponse,
        errors=(401, 403, 422, 429),
        description='The open cases: clients referred by an adviser ("refer") and clients '
        "who asked for human review, oldest first, with the due date (REVIEW_DUE_DAYS after "
        "the case opened) and whether it has passed. Filters `reason` and `overdue`; a bad "
        "parameter is a 422 naming it.",
    ),
    Route(
        "POST",
        "/reviews/<uuid:client_id>/decision",
        review_decision,
        "Record a supervisor's review decision",
        "reviews",
        roles=permissions.roles_for("review"),
        body=sc.ReviewDecisionRequest,
        response=rs.DecisionResponse,
        status=201,
        errors=(400, 401, 403, 404, 409, 413, 415, 422, 429),
        description="Approve or decline, always justified (JUSTIFICATION_MIN_LENGTH). Closes "
        "the case; the decision is marked human_review. 409 `not_in_review_queue` when the "
        "client is not in the queue (a supervisor records no first decision); 403 "
        "`own_decision` when the reviewer referred the case or wrote the decision under "
        "review; 409 `not_scored` for a client never scored. Audited.",
    ),
]
