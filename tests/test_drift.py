"""Drift (issue 12 §2) through the service: each status, which records count, the window's
rules, and the clock's daily check (an alert is audited and logged as a WARNING)."""

from __future__ import annotations

import logging
import math
import time
from datetime import UTC, datetime, timedelta

import pytest
from dashboard_helpers import GOOD, PASSWORD, add_client
from drift_helpers import add_scores, use_reference
from sqlalchemy import select

from app import clock
from app.config import ConfigError, load_config
from app.database import current_database
from app.models import AuditEvent
from app.services import drift
from app.services.errors import Invalid, Unavailable
from app.services.permissions import ActionForbidden
from app.services.users import create_user
from modelling.features import FEATURE_NAMES


def psi_two_bins(recent_low: float) -> float:
    """PSI against a half-and-half reference, from its definition."""
    recent_high = 1 - recent_low
    return (recent_low - 0.5) * math.log(recent_low / 0.5) + (recent_high - 0.5) * math.log(
        recent_high / 0.5
    )


@pytest.fixture
def supervisor(dash_app):
    return create_user("supervisor@bank.example", "supervisor", PASSWORD)


# (low, high) records: shares 50/50, 70/30, 85/15, and one record short of the minimum.
CASES = [
    (100, 100, "ok"),
    (140, 60, "watch"),
    (170, 30, "alert"),
    (100, 99, "insufficient"),
]


@pytest.mark.parametrize(("low", "high", "expected"), CASES)
def test_each_status(supervisor, monkeypatch, low, high, expected):
    version = use_reference(monkeypatch)
    add_scores(low, high, version)
    report = drift.drift_report(supervisor)
    assert report["status"] == expected
    assert report["window"]["scores"] == low + high
    assert report["model_version"] == version
    share = low / (low + high)
    for part in [*report["features"], report["score"]]:
        assert part["status"] == expected
        assert part["psi"] == pytest.approx(psi_two_bins(share), rel=1e-9)
        assert [b["recent"] for b in part["bins"]] == pytest.approx([share, 1 - share])
        assert [b["reference"] for b in part["bins"]] == [0.5, 0.5]
    assert [f["feature"] for f in report["features"]] == list(FEATURE_NAMES)


def test_the_overall_status_is_the_worst_part(supervisor, monkeypatch):
    version = use_reference(monkeypatch)
    add_scores(60, 40, version)
    add_scores(40, 60, version, override={"age": 30})  # 160 of 200 young: 80 % below 40
    report = drift.drift_report(supervisor)
    by_feature = {f["feature"]: f["status"] for f in report["features"]}
    assert by_feature == {name: "alert" if name == "age" else "ok" for name in FEATURE_NAMES}
    assert report["features"][0]["psi"] == pytest.approx(psi_two_bins(0.8))
    assert report["score"]["status"] == "ok"
    assert report["status"] == "alert"


def test_bins_report_their_edges(supervisor, monkeypatch):
    use_reference(monkeypatch)
    report = drift.drift_report(supervisor)
    age = report["features"][0]
    assert [(b["edge_low"], b["edge_high"]) for b in age["bins"]] == [(18, 40), (40, 100)]
    assert [(b["edge_low"], b["edge_high"]) for b in report["score"]["bins"]] == [
        (0, 0.2),
        (0.2, 1),
    ]
    assert report["status"] == "insufficient" and report["window"]["scores"] == 0
    assert report["score"]["psi"] is None


def test_only_the_latest_score_of_a_stored_client_in_the_window_counts(supervisor, monkeypatch):
    version = use_reference(monkeypatch)
    adviser = create_user("adviser@bank.example", "adviser", PASSWORD)
    clients = [add_client(adviser, GOOD).id for _ in range(3)]
    now = datetime.now(UTC)
    # Each client scored low 3 days ago, then high 2 days ago: only "high" counts ...
    add_scores(3, 0, version, client_ids=clients, at=now - timedelta(days=3))
    add_scores(0, 3, version, client_ids=clients, at=now - timedelta(days=2))
    # ... a score after the window's end does not supersede one inside it ...
    add_scores(3, 0, version, client_ids=clients, at=now + timedelta(days=1))
    # ... ad-hoc scores all count, and scores before the window are left out.
    add_scores(2, 0, version)
    add_scores(5, 5, version, at=now - timedelta(days=40))
    report = drift.drift_report(supervisor, days=30)
    assert report["window"]["scores"] == 5
    assert [b["count"] for b in report["features"][0]["bins"]] == [2, 3]


def test_the_probability_leaves_out_manual_reviews_and_other_versions(supervisor, monkeypatch):
    version = use_reference(monkeypatch)
    add_scores(100, 100, version)
    add_scores(0, 150, version, probability=False)  # kill switch: no probability
    add_scores(50, 0, "20250101T000000Z-0000000")  # another version's probabilities
    report = drift.drift_report(supervisor)
    assert report["window"]["scores"] == 400
    assert report["score"]["scores"] == 200
    assert report["score"]["status"] == "ok"
    assert [b["count"] for b in report["score"]["bins"]] == [100, 100]
    # The features count every record: 150 of 400 moved above the edges.
    assert [b["count"] for b in report["features"][1]["bins"]] == [150, 250]


def test_a_version_without_reference_gets_a_clear_status(supervisor, monkeypatch):
    version = use_reference(monkeypatch, None)
    add_scores(150, 150, version)
    report = drift.drift_report(supervisor)
    assert report["status"] == "no_reference"
    assert report["features"] == [] and report["score"]["status"] == "no_reference"
    assert "drift_reference" in report["message"]
    assert report["window"]["scores"] == 300


NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("days", "start", "end", "window"),
    [
        (None, None, None, (NOW - timedelta(days=30), NOW)),
        ("7", None, None, (NOW - timedelta(days=7), NOW)),
        (3650, None, None, (NOW - timedelta(days=3650), NOW)),
        (
            None,
            "2026-05-01T00:00:00Z",
            "2026-05-02T02:00:00+02:00",
            (datetime(2026, 5, 1, tzinfo=UTC), datetime(2026, 5, 2, tzinfo=UTC)),
        ),
        (
            None,
            "2026-05-01",
            "2026-05-01T06:00:00",
            (datetime(2026, 5, 1, tzinfo=UTC), datetime(2026, 5, 1, 6, tzinfo=UTC)),
        ),
    ],
)
def test_the_window(days, start, end, window):
    assert drift.parse_window(days, start, end, now=NOW) == window


BAD_WINDOWS = [
    ({"days": "0"}, "days"),
    ({"days": "3651"}, "days"),
    ({"days": "abc"}, "days"),
    ({"days": "1.5"}, "days"),
    ({"days": "-3"}, "days"),
    ({"days": True}, "days"),
    ({"days": "7", "start": "2026-05-01T00:00:00Z", "end": "2026-05-02T00:00:00Z"}, "days"),
    ({"start": "2026-05-01T00:00:00Z"}, "to"),
    ({"end": "2026-05-01T00:00:00Z"}, "from"),
    ({"start": "yesterday", "end": "2026-05-01T00:00:00Z"}, "from"),
    ({"start": "2026-05-01T00:00:00Z", "end": "2026-13-01T00:00:00Z"}, "to"),
    ({"start": "2026-05-02T00:00:00Z", "end": "2026-05-01T00:00:00Z"}, "from"),
    ({"start": "2026-05-01T00:00:00Z", "end": "2026-05-01T00:00:00Z"}, "from"),
]


@pytest.mark.parametrize(("given", "field"), BAD_WINDOWS)
def test_a_bad_window_names_the_parameter(given, field):
    with pytest.raises(Invalid) as refused:
        drift.parse_window(given.get("days"), given.get("start"), given.get("end"), now=NOW)
    assert list(refused.value.fields) == [field]


def test_an_adviser_may_not_see_the_drift(dash_app):
    adviser = create_user("adviser@bank.example", "adviser", PASSWORD)
    with pytest.raises(ActionForbidden) as refused:
        drift.drift_report(adviser)
    assert refused.value.reason == "role"


def test_the_clock_audits_an_alert_and_logs_a_warning(dash_app, monkeypatch, caplog):
    version = use_reference(monkeypatch)
    add_scores(170, 30, version)
    with caplog.at_level(logging.WARNING, logger="app.services.drift"):
        outcomes = clock.tick(dash_app, {}, time.time())  # no Redis: the jobs run here
    assert outcomes["drift_check"] == "ran"
    events = (
        current_database()
        .session.scalars(select(AuditEvent).where(AuditEvent.action == "drift_alert"))
        .all()
    )
    assert len(events) == 1
    assert events[0].model_version == version
    assert events[0].details == {"scores": 200, "drifted": [*FEATURE_NAMES, "probability"]}
    warnings = [r for r in caplog.records if r.name == "app.services.drift"]
    assert [r.levelno for r in warnings] == [logging.WARNING]
    assert len(warnings) == 1 and "drift alert" in warnings[0].getMessage()
    assert "age" in warnings[0].getMessage()


def test_the_daily_check_without_drift_writes_nothing(dash_app, monkeypatch, caplog):
    version = use_reference(monkeypatch)
    add_scores(100, 100, version)
    with caplog.at_level(logging.WARNING, logger="app.services.drift"):
        report = drift.run_daily_check()
    assert report["status"] == "ok"
    query = select(AuditEvent).where(AuditEvent.action == "drift_alert")
    assert current_database().session.scalars(query).all() == []
    assert not [r for r in caplog.records if r.name == "app.services.drift"]


def test_the_drift_settings_from_the_environment():
    settings = load_config(
        {"APP_ENV": "testing", "DRIFT_WATCH_PSI": "0.2", "DRIFT_ALERT_PSI": "0.4"}
        | {"DRIFT_MIN_SCORES": "500", "DRIFT_INTERVAL_SECONDS": "3600"}
    )
    assert (settings["DRIFT_WATCH_PSI"], settings["DRIFT_ALERT_PSI"]) == (0.2, 0.4)
    assert (settings["DRIFT_MIN_SCORES"], settings["DRIFT_INTERVAL_SECONDS"]) == (500, 3600)


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"DRIFT_WATCH_PSI": "0.3", "DRIFT_ALERT_PSI": "0.2"}, "DRIFT_WATCH_PSI"),
        ({"DRIFT_ALERT_PSI": "high"}, "DRIFT_ALERT_PSI"),
        ({"DRIFT_MIN_SCORES": "0"}, "DRIFT_MIN_SCORES"),
    ],
)
def test_a_bad_drift_setting_stops_the_start(environ, named):
    with pytest.raises(ConfigError, match=named):
        load_config({"APP_ENV": "testing", **environ})


def test_without_a_served_model_there_is_nothing_to_compare(app, caplog):
    supervisor = create_user("supervisor@bank.example", "supervisor", PASSWORD)
    with pytest.raises(Unavailable, match="No model is being served"):
        drift.drift_report(supervisor)
    with caplog.at_level(logging.WARNING, logger="app.services.drift"):
        assert drift.run_daily_check() is None
    assert [r.getMessage() for r in caplog.records if r.name == "app.services.drift"] == [
        "drift check skipped: No model is being served: there is no reference to compare with."
    ]
