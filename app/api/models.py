"""GET /models and /models/active: what is registered and what is served."""

from __future__ import annotations

from app.api.routing import Route
from app.api.schemas import responses as rs
from app.services import catalogue


def list_models(user):
    return {"items": catalogue.versions()}


def active_model(user):
    return catalogue.active()


ROUTES = [
    Route(
        "GET",
        "/models",
        list_models,
        "Registered model versions with their metrics",
        "models",
        response=rs.ModelList,
        errors=(401, 429),
    ),
    Route(
        "GET",
        "/models/active",
        active_model,
        "The model being served",
        "models",
        response=rs.ActiveModel,
        errors=(401, 429, 503),
    ),
]
