"""The portfolio: /clients, /clients/{id}, its score, history and the adviser's decisions."""

from __future__ import annotations

import uuid

from app.api.routing import Route
from app.api.schemas import requests as rq
from app.api.schemas import responses as rs
from app.services import decisions, permissions, portfolio, scoring
from modelling.features import FEATURE_NAMES

READERS = ("adviser", "supervisor")
PORTFOLIO_CURL = (
    "\n\n```\ncurl -s -G http://127.0.0.1:8050/api/v1/clients "
    '-H "Authorization: Bearer $TOKEN" -d risk=high -d incidents_min=2 '
    "-d sort=-probability -d per_page=20\n```"
)


def list_clients(user, query):
    values = query.model_dump()
    ranges = {
        name: (values[f"{name}_min"], values[f"{name}_max"])
        for name in FEATURE_NAMES
        if values[f"{name}_min"] is not None or values[f"{name}_max"] is not None
    }
    sort = query.sort
    spec = portfolio.PortfolioQuery(
        ranges=ranges,
        risk=query.risk,
        stale_only=query.stale,
        review_only=query.review_requested,
        sort=sort.lstrip("-"),
        descending=sort.startswith("-"),
        page=query.page,
        per_page=query.per_page,
    )
    return portfolio.list_clients(user, spec)


def get_client(user, client_id: uuid.UUID):
    return portfolio.view_client(client_id, user)


def score_client(user, client_id: uuid.UUID, query, lang: str):
    return scoring.score_client(client_id, user, lang, query.explain)


def client_history(user, client_id: uuid.UUID):
    return decisions.history(client_id, user)


def decide(user, client_id: uuid.UUID, body: rq.DecisionRequest):
    return decisions.record_decision(
        client_id, user, body.decision, body.justification, confirm=body.confirm
    )


CLIENT = "/clients/<uuid:client_id>"
ROUTES = [
    Route(
        "GET",
        "/clients",
        list_clients,
        "List the portfolio: filters, sort, pages",
        "clients",
        roles=READERS,
        query=rq.ClientListQuery,
        response=rs.ClientPage,
        errors=(401, 403, 422, 429, 503),
        description="Advisers see their own portfolio, supervisors every client. A risk "
        "band filter leaves out clients never scored." + PORTFOLIO_CURL,
    ),
    Route(
        "GET",
        CLIENT,
        get_client,
        "One client: features, data age, latest score",
        "clients",
        roles=READERS,
        response=rs.ClientItem,
        errors=(401, 403, 404, 429),
    ),
    Route(
        "GET",
        CLIENT + "/score",
        score_client,
        "Score a stored client with the active model",
        "clients",
        roles=READERS,
        query=rq.ScoreQuery,
        response=rs.ClientScoreResponse,
        errors=(401, 403, 404, 422, 429, 503),
        description="Stores a score record and says whether the client's data is stale.",
    ),
    Route(
        "GET",
        CLIENT + "/history",
        client_history,
        "A client's scores and decisions",
        "clients",
        roles=READERS,
        response=rs.HistoryResponse,
        errors=(401, 403, 404, 429),
    ),
    Route(
        "POST",
        CLIENT + "/decisions",
        decide,
        "Record the adviser's decision",
        "clients",
        roles=permissions.roles_for("decide"),
        body=rq.DecisionRequest,
        response=rs.DecisionResponse,
        status=201,
        errors=(400, 401, 403, 404, 409, 413, 415, 422, 429),
        description="An adviser on their own client; a supervisor only on a client awaiting "
        "human review (referred, or the client asked), and not on a decision of their own "
        "(403 `not_awaiting_review`, `own_decision`). "
        "On the latest score; a decision against the recommendation needs a "
        "justification of at least JUSTIFICATION_MIN_LENGTH characters (422). 409 `not_scored` "
        "when the client was never scored; 409 `duplicate_decision` when the client's latest "
        "decision is the same and less than DECISION_REPEAT_MINUTES old, unless `confirm` is "
        "true.",
    ),
]
