"""POST /score and /score/batch: ad-hoc feature sets, scored, explained, stored and audited."""

from __future__ import annotations

from flask import request

from app.api.errors import ApiError
from app.api.routing import Limit, Route, validate
from app.api.schemas import requests as rq
from app.api.schemas import responses as rs
from app.services import permissions, scoring

SCORERS = permissions.roles_for("score")


def _scored_clients() -> int:
    """A batch counts as many scores as it holds clients (within the RATELIMIT_SCORE budget)."""
    body = request.get_json(silent=True)
    clients = body.get("clients") if isinstance(body, dict) else None
    return min(len(clients), rq.MAX_BATCH) if isinstance(clients, list) and clients else 1


def score(user, body, query: rq.ScoreQuery, lang: str):
    return scoring.score_and_record([body.model_dump()], user, lang, query.explain)[0]


def score_batch(user, body: rq.BatchRequest, query: rq.ScoreQuery, lang: str):
    valid, errors = [], {}
    for index, item in enumerate(body.clients):
        try:
            valid.append((index, validate(rq.ClientFeatures, item).model_dump()))
        except ApiError as exc:
            errors[index] = {
                "index": index,
                "error": {
                    "status": exc.status,
                    "code": exc.code,
                    "message": exc.message,
                    "fields": exc.fields,
                },
            }
    scored = scoring.score_and_record([v for _, v in valid], user, lang, query.explain)
    results = [errors.get(i) for i in range(len(body.clients))]
    for (index, _), item in zip(valid, scored, strict=True):
        results[index] = item
    return {"results": results}


SCORE_LIMIT = (Limit("RATELIMIT_SCORE", cost=_scored_clients, scope="score"),)
CURL = (
    "\n\n```\ncurl -s -X POST http://127.0.0.1:8050/api/v1/score "
    "-H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
    '-H \'Accept-Language: en\' -d \'{"age": 42, "income": 38000, "seniority": 6.5, '
    '"incidents": 1, "credit_score": 640}\'\n```'
)

ROUTES = [
    Route(
        "POST",
        "/score",
        score,
        "Score one client's features, with the explanation",
        "scoring",
        roles=SCORERS,
        body=rq.ClientFeatures,
        query=rq.ScoreQuery,
        response=rs.ScoreResponse,
        errors=(400, 401, 403, 413, 415, 422, 429, 503),
        limits=SCORE_LIMIT,
        description="Reasons are in the language of Accept-Language (fr by default, en)." + CURL,
    ),
    Route(
        "POST",
        "/score/batch",
        score_batch,
        "Score up to 1,000 clients in one call",
        "scoring",
        roles=SCORERS,
        body=rq.BatchRequest,
        query=rq.ScoreQuery,
        response=rs.BatchResponse,
        errors=(400, 401, 403, 413, 415, 422, 429, 503),
        limits=SCORE_LIMIT,
        description="Results are in request order; an invalid item gets {index, error} in "
        "its place and does not fail the others. Each client counts against RATELIMIT_SCORE.",
    ),
]
