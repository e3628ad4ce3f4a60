"""Model page, "Surveillance" section (issue 12 §2): drawn for supervisors and administrators
only, the report in the reader's language with each feature's status in colour, and a refusal
(not the report) for an adviser who calls the callback anyway."""

from __future__ import annotations

from itertools import pairwise

import pytest
from dashboard_helpers import dash_call, find, log_in, text_of
from drift_helpers import add_scores, use_reference

from app.callbacks import model_monitoring
from app.callbacks.refusals import refusal_text
from app.layouts.model_monitoring import bin_labels
from app.services.permissions import ActionForbidden
from modelling.features import FEATURE_NAMES


@pytest.mark.parametrize(
    ("role", "drawn"), [("supervisor", True), ("admin", True), ("adviser", False)]
)
def test_the_section_is_drawn_for_who_may_read_the_drift(acting, people, role, drawn):
    with acting(people[role], "fr"):
        frame = model_monitoring.monitoring_section(1)
    assert (find(frame, "model-drift-days") is not None) is drawn
    if drawn:
        assert "indice de stabilité de la population (PSI)" in text_of(frame)
    else:
        assert frame is None


def test_the_report_shows_each_status_in_colour(acting, people, monkeypatch):
    version = use_reference(monkeypatch)
    add_scores(60, 40, version)
    add_scores(40, 60, version, override={"age": 30})  # the age alone moved: alert
    with acting(people["supervisor"], "fr"):
        view = model_monitoring.drift_view(30)
    overall = find(view, "model-drift-status")
    assert overall.color == "danger" and text_of(overall) == "Alerte"
    age = find(view, "model-drift-status-age")
    assert age.color == "danger" and age.title == "alert"
    for name in [*FEATURE_NAMES[1:], "probability"]:
        badge = find(view, f"model-drift-status-{name}")
        assert badge.color == "success" and text_of(badge) == "Stable"
    assert "ne ressemblent plus aux données d'entraînement" in text_of(view)
    chart = find(view, "model-drift-chart-age").figure
    assert [trace.name for trace in chart.data] == ["Entraînement", "Période"]
    assert list(chart.data[0].y) == [0.5, 0.5] and list(chart.data[1].y) == [0.8, 0.2]


def test_the_report_in_english_and_too_few_scores(acting, people, monkeypatch):
    version = use_reference(monkeypatch)
    add_scores(10, 10, version)
    with acting(people["admin"], "en"):
        view = model_monitoring.drift_view(7)
    assert text_of(find(view, "model-drift-status")) == "Not enough scores"
    assert text_of(find(view, "model-drift-reading")).startswith("20 scores in the period")


def test_a_version_without_reference(acting, people, monkeypatch):
    use_reference(monkeypatch, None)
    with acting(people["supervisor"], "fr"):
        view = model_monitoring.drift_view(30)
    assert text_of(find(view, "model-drift-status")) == "Pas de référence"
    assert "réentraînez-la" in text_of(view)


def test_a_forged_period_is_named(acting, people, monkeypatch):
    use_reference(monkeypatch)
    rule = "Invalid period: days must be a whole number from 1 to 3650."
    forged = [0, 3651, "abc", 2.5, True]
    with acting(people["supervisor"], "en"):
        views = [model_monitoring.drift_view(days) for days in forged]
    assert [(view.id, text_of(view)) for view in views] == [("model-drift-invalid", rule)] * 5


def test_no_period_is_the_default_window(acting, people, monkeypatch):
    version = use_reference(monkeypatch)
    add_scores(100, 100, version)
    with acting(people["supervisor"], "en"):
        view = model_monitoring.drift_view(None)
    assert find(view, "model-drift-status").title == "ok"
    assert "200 scores in the period" in text_of(view)


def test_an_adviser_calling_the_callback_gets_the_refusal(acting, people, monkeypatch):
    version = use_reference(monkeypatch)
    add_scores(170, 30, version)
    with acting(people["adviser"], "en"):
        view = model_monitoring.drift_view(30)
    assert view.id == "model-drift-refused"
    assert text_of(view) == refusal_text(ActionForbidden("monitor_drift", "role"), "en")


@pytest.mark.parametrize("role", ["adviser", "supervisor"])
def test_through_the_dash_endpoint(dash_app, people, monkeypatch, role):
    version = use_reference(monkeypatch)
    add_scores(100, 100, version)
    http = dash_app.test_client()
    log_in(http, f"{role}@bank.example")
    outputs = [("model-drift-report", "children")]
    inputs = [("model-drift-days", "value", 30)]
    answer = dash_call(http, outputs, inputs, ["model-drift-days.value"])
    assert answer.status_code == 200
    view = answer.get_json()["response"]["model-drift-report"]["children"]
    if role == "adviser":
        assert view["props"]["id"] == "model-drift-refused"
    else:
        assert props_of(view, "model-drift-status")["title"] == "ok"


def props_of(tree, component_id: str):
    """The props of the component with this id in a serialised Dash tree (or None)."""
    if isinstance(tree, list):
        return next(filter(None, (props_of(c, component_id) for c in tree)), None)
    if not isinstance(tree, dict):
        return None
    props = tree.get("props", {})
    if props.get("id") == component_id:
        return props
    return props_of(props.get("children"), component_id)


def bins(*edges):
    return [{"edge_low": low, "edge_high": high} for low, high in pairwise(edges)]


@pytest.mark.parametrize(
    ("name", "edges", "lang", "labels"),
    [
        ("age", (18, 25, 30, 100), "fr", ["≤ 25", "26 – 30", "≥ 31"]),
        ("incidents", (0, 0, 1, 100), "fr", ["0", "1", "≥ 2"]),
        ("seniority", (0, 2.4, 3.1, 86), "fr", ["≤ 2,4", "2,4 – 3,1", "> 3,1"]),
        (
            "income",
            (0, 25_000, 38_000, 10_000_000),
            "en",
            ["≤ 25,000", "25,000 – 38,000", "> 38,000"],
        ),
        ("probability", (0, 0.05, 1), "en", ["≤ 5.0%", "> 5.0%"]),
    ],
)
def test_bins_are_named_as_a_reader_names_them(name, edges, lang, labels):
    assert bin_labels(name, bins(*edges), lang) == labels
