"""GET /monitoring/drift: are today's clients like the training data? (issue 12 §2)"""

from __future__ import annotations

from flask import request

from app.api.errors import ApiError
from app.api.routing import Route
from app.api.schemas.monitoring import DriftQuery, DriftReport
from app.services import drift, permissions
from app.services.errors import Invalid

PARAMETERS = ("days", "from", "to")


def drift_report(user, query):
    unknown = sorted(set(request.args) - set(PARAMETERS))
    if unknown:
        fields = dict.fromkeys(unknown, "is not a parameter (days, or from and to)")
        raise ApiError(400, "invalid_parameter", "Unknown query parameter.", fields)
    args = {name: request.args.get(name) for name in PARAMETERS}
    try:
        return drift.drift_report(user, args["days"], args["from"], args["to"])
    except Invalid as exc:
        raise ApiError(400, "invalid_parameter", exc.message, exc.fields) from None


ROUTES = [
    Route(
        "GET",
        "/monitoring/drift",
        drift_report,
        "Drift of the recent scores against the active version's training data (PSI)",
        "monitoring",
        roles=permissions.roles_for("monitor_drift"),
        query=DriftQuery,
        response=DriftReport,
        errors=(400, 401, 403, 429, 503),
        description="Population stability index (PSI) of each feature and of the probability "
        "over a window (`days`, or `from` and `to`): ok below DRIFT_WATCH_PSI (0.10), watch "
        "from it, alert from DRIFT_ALERT_PSI (0.25), insufficient under DRIFT_MIN_SCORES (200) "
        "scores.",
    ),
]
