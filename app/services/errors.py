"""Errors a use case reports to its caller (the API maps each to an HTTP status)."""

from __future__ import annotations


class ServiceError(Exception):
    code = "service_error"

    def __init__(self, message: str, fields: dict[str, str] | None = None, code: str | None = None):
        super().__init__(message)
        self.message, self.fields = message, fields or {}
        self.code = code or self.code


class NotFound(ServiceError):
    """Unknown, or outside the caller's portfolio: the two are indistinguishable on purpose."""

    code = "not_found"


class Forbidden(ServiceError):
    code = "forbidden"


class FreshLoginRequired(ServiceError):
    """The action needs a recent log-in (a password typed within FRESH_LOGIN_MINUTES)."""

    code = "fresh_token_required"


class RateLimited(ServiceError):
    """The caller spent its budget for this action; `retry_after` is in seconds."""

    code = "too_many_requests"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Conflict(ServiceError):
    code = "conflict"


class Invalid(ServiceError):
    code = "validation_error"


class Unavailable(ServiceError):
    code = "model_unavailable"
