"""Every API error is JSON: {"error": {"status", "code", "message", "fields"}}, never HTML."""

from __future__ import annotations

import logging

from flask import Blueprint, Flask, Response, current_app, jsonify, request
from redis.exceptions import RedisError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from app.services.errors import (
    Conflict,
    Forbidden,
    FreshLoginRequired,
    Invalid,
    NotFound,
    RateLimited,
    ServiceError,
    Unavailable,
)
from app.texts import page_texts

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
SERVICE_STATUS = {
    NotFound: 404,
    Forbidden: 403,
    FreshLoginRequired: 401,
    Conflict: 409,
    Invalid: 422,
    RateLimited: 429,
    Unavailable: 503,
}


class ApiError(Exception):
    """A client or service error with a stable machine-readable code."""

    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields or {}


def error_response(status: int, code: str, message: str, fields: dict | None = None) -> Response:
    response = jsonify(
        {"error": {"status": status, "code": code, "message": message, "fields": fields or {}}}
    )
    response.status_code = status
    return response


def _is_api_request() -> bool:
    from app.api import API_PREFIX

    return request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/")


def _outage(code: str, message: str):
    """503 with Retry-After: JSON for the API; for the dashboard a page in both languages that
    reloads itself (rendered without context processors: Flask-Login's would query the store)."""
    if not _is_api_request():
        template = current_app.jinja_env.get_template("unavailable.html")
        page = template.render(
            fr=page_texts("fr"), en=page_texts("en"), retry_after=RETRY_AFTER_SECONDS
        )
        return page, 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}
    response = error_response(503, code, message)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def register(app: Flask, bp: Blueprint) -> None:
    @app.errorhandler(ApiError)
    def handle_api_error(exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.fields)

    @app.errorhandler(ServiceError)
    def handle_service_error(exc: ServiceError):
        status = next((s for kind, s in SERVICE_STATUS.items() if isinstance(exc, kind)), 500)
        response = error_response(status, exc.code, exc.message, exc.fields)
        if status == 503:
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        if isinstance(exc, RateLimited):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.errorhandler(HTTPException)
    def handle_http_error(exc: HTTPException):
        # 404/405 are raised before any blueprint is chosen, hence an app-level handler.
        if not _is_api_request():
            return exc
        code = (exc.name or "error").lower().replace(" ", "_")
        response = error_response(exc.code or 500, code, exc.description or exc.name)
        if exc.code == 405 and exc.valid_methods:
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        if exc.code == 429 and "Retry-After" not in response.headers:
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    @app.errorhandler(OperationalError)
    def handle_database_down(exc: OperationalError):
        log.error("database unavailable: %s", exc.orig.__class__.__name__)
        return _outage("database_unavailable", "The database is unavailable.")

    @app.errorhandler(RedisError)
    def handle_redis_down(exc: RedisError):
        # Rate limits and revocations cannot be checked: refuse (fail closed) until it is back.
        log.error("redis unavailable: %s", exc.__class__.__name__)
        return _outage("redis_unavailable", "The shared cache (Redis) is unavailable.")

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        if not _is_api_request():
            return "Internal server error", 500
        return error_response(500, "internal_error", "An unexpected error occurred.")
