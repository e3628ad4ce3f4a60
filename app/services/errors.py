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


class Conflict(ServiceError):
    code = "conflict"


class Invalid(ServiceError):
    code = "validation_error"


class Unavailable(ServiceError):
    code = "model_unavailable"
