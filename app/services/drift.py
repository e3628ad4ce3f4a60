"""Drift: are today's clients like the training data? (issue 12 §2)

The population stability index (PSI) of each feature and of the probability, over the score
records of a window, against the reference distribution the active version stored at training
(metadata.json "drift_reference", modelling/drift.py). The counting is done by the database
(services/drift_query); this module checks who asks and the window, and reads the counts.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from flask import current_app, has_app_context

from app.database import current_database
from app.models import User
from app.services import audit, clock, permissions
from app.services.drift_query import PROBABILITY, bin_counts
from app.services.errors import Invalid, Unavailable
from app.services.models import model_service
from modelling.drift import psi, shares
from modelling.features import BY_NAME, FEATURE_NAMES

log = logging.getLogger(__name__)

DEFAULT_DAYS = 30
MAX_DAYS = 3650
OK, WATCH, ALERT = "ok", "watch", "alert"
INSUFFICIENT, NO_REFERENCE = "insufficient", "no_reference"
SEVERITY = {OK: 0, WATCH: 1, ALERT: 2}


def parse_window(days=None, start=None, end=None, now: datetime | None = None):
    """The window [from, to) from `days` (whole number, default 30) or `from`/`to` (ISO 8601;
    a time without an offset is UTC). Invalid names each bad parameter and its rule."""
    now = now or clock.now()
    given = {k: v for k, v in (("from", start), ("to", end)) if v not in (None, "")}
    if days not in (None, "") and given:
        raise Invalid(
            "Give days or from and to, not both.", {"days": "cannot be combined with from and to"}
        )
    if given:
        errors, moments = {}, {}
        for name in ("from", "to"):
            if name not in given:
                other = "to" if name == "from" else "from"
                errors[name] = f"is required with {other}"
                continue
            moments[name] = _moment(given[name])
            if moments[name] is None:
                errors[name] = "must be an ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z"
        if not errors and moments["from"] >= moments["to"]:
            errors["from"] = "must be before to"
        if errors:
            raise Invalid("The window is invalid.", errors)
        return moments["from"], moments["to"]
    count = DEFAULT_DAYS if days in (None, "") else _whole_number(days)
    if count is None or not 1 <= count <= MAX_DAYS:
        raise Invalid(
            "The window is invalid.", {"days": f"must be a whole number from 1 to {MAX_DAYS}"}
        )
    return now - timedelta(days=count), now


def _whole_number(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None


def _moment(value) -> datetime | None:
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def status_of(value: float, scores: int) -> str:
    settings = current_app.config
    if scores < settings["DRIFT_MIN_SCORES"]:
        return INSUFFICIENT
    if value >= settings["DRIFT_ALERT_PSI"]:
        return ALERT
    return WATCH if value >= settings["DRIFT_WATCH_PSI"] else OK


def _bins(reference: dict, counts: list[int], low: float, high: float) -> list[dict]:
    bounds = [low, *reference["edges"], high]
    recent = shares(counts)
    return [
        {
            "edge_low": bounds[i],
            "edge_high": bounds[i + 1],
            "reference": reference["shares"][i],
            "recent": recent[i],
            "count": counts[i],
        }
        for i in range(len(counts))
    ]


def _variable(reference: dict, counts: list[int], scores: int, low: float, high: float):
    value = psi(reference["shares"], shares(counts)) if sum(counts) else None
    status = INSUFFICIENT if value is None else status_of(value, scores)
    return {"psi": value, "status": status, "bins": _bins(reference, counts, low, high)}


def overall(parts: list[str], scores: int) -> str:
    if scores < current_app.config["DRIFT_MIN_SCORES"]:
        return INSUFFICIENT
    rated = [s for s in parts if s in SEVERITY]
    return max(rated, key=SEVERITY.__getitem__) if rated else INSUFFICIENT


def compute(start: datetime, end: datetime) -> dict:
    """The drift report of the window against the active version (no permission check: the
    use cases below and the clock call it)."""
    model = model_service().model
    if model is None:
        raise Unavailable("No model is being served: there is no reference to compare with.")
    return report_for(model.metadata.get("drift_reference"), model.version, start, end)


def report_for(reference, version: str, start: datetime, end: datetime) -> dict:
    """The drift report of the window against a version's reference (None: it has none)."""
    window = {"from": start.isoformat(), "to": end.isoformat()}
    head = {"model_version": version, "window": window}
    if not isinstance(reference, dict) or "features" not in reference:
        window["scores"] = bin_counts(start, end, {}, version).scores
        return head | {
            "status": NO_REFERENCE,
            "message": "This model version was trained without a reference distribution "
            "(metadata.json has no drift_reference): retrain it to monitor drift.",
            "score": {"psi": None, "status": NO_REFERENCE, "scores": 0, "bins": []},
            "features": [],
        }
    edges = {name: reference["features"][name]["edges"] for name in FEATURE_NAMES}
    edges[PROBABILITY] = reference["probability"]["edges"]
    counted = bin_counts(start, end, edges, version)
    window["scores"] = counted.scores
    features = [
        {"feature": name}
        | _variable(
            reference["features"][name],
            counted.counts[name],
            counted.scores,
            BY_NAME[name].minimum,
            BY_NAME[name].maximum,
        )
        for name in FEATURE_NAMES
    ]
    score = _variable(
        reference["probability"], counted.counts[PROBABILITY], counted.probability_scores, 0, 1
    )
    score["scores"] = counted.probability_scores
    parts = [f["status"] for f in features] + [score["status"]]
    return head | {"status": overall(parts, counted.scores), "score": score, "features": features}


def drift_report(actor: User, days=None, start=None, end=None) -> dict:
    """The drift of a window for a supervisor or an administrator."""
    permissions.require(actor, "monitor_drift")
    window_start, window_end = parse_window(days, start, end)
    return compute(window_start, window_end)


def run_daily_check() -> dict | None:
    """The clock's daily check over the default window: an alert is audited and logged as a
    WARNING. A plain function an RQ job runs (app/tasks.py): in the current app context, or
    in one of its own when there is none."""
    if has_app_context():
        return _check()
    from app import create_app

    with create_app().app_context():
        return _check()


def _check() -> dict | None:
    start, end = parse_window()
    try:
        report = compute(start, end)
    except Unavailable as exc:
        log.warning("drift check skipped: %s", exc.message)
        return None
    if report["status"] == ALERT:
        drifted = [f["feature"] for f in report["features"] if f["status"] == ALERT]
        if report["score"]["status"] == ALERT:
            drifted.append(PROBABILITY)
        with current_database().transaction():
            audit.record(
                "drift_alert",
                None,
                model_version=report["model_version"],
                details={"scores": report["window"]["scores"], "drifted": drifted},
            )
        log.warning(
            "drift alert on model %s over %d scores: %s",
            report["model_version"],
            report["window"]["scores"],
            ", ".join(drifted),
        )
    return report
