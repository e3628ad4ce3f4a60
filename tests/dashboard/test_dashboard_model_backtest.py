"""Model page, "observed outcomes": the served version's back-test for supervisors and admins
(status in words and colour, calibration by grade with intervals), the challenger beside it when
one runs, and nothing of it for an adviser, through the callback and through Dash's endpoint."""

from __future__ import annotations

import pytest
from dashboard_helpers import dash_call, find, log_in, text_of
from outcome_helpers import STATUS_CASES, case_ok, case_watch, set_challenger, store_cases

from app.callbacks.model_backtest import backtest_section
from app.services.models import model_service
from app.texts import t

CHALLENGER = "20990101-000000-challenger"


def served() -> str:
    return model_service().version


@pytest.mark.parametrize("status", STATUS_CASES)
def test_the_supervisor_reads_the_status_in_plain_french(acting, people, status):
    store_cases(people["adviser"], STATUS_CASES[status](), served())
    with acting(people["supervisor"], "fr"):
        section = backtest_section(1)
    badge = find(section, "model-bt-status")
    assert badge.children == t(f"bt_status_{status}", "fr")
    assert badge.color == {"ok": "success", "watch": "warning", "alert": "danger"}.get(
        status, "secondary"
    )
    sentence = text_of(find(section, "model-bt-status-text"))
    if status == "insufficient":
        assert sentence == t("bt_read_insufficient", "fr", outcomes="50", minimum="100")
    else:
        assert sentence == t(f"bt_read_{status}", "fr")
    assert find(section, "model-challenger-card") is None  # no challenger set


def test_the_calibration_by_grade_shows_each_interval(acting, people):
    store_cases(people["adviser"], case_watch(), served())
    with acting(people["admin"], "en"):
        section = backtest_section(1)
    figure = find(section, "model-bt-figure").figure
    observed, predicted = figure.data
    assert list(observed.x) == list(range(1, 11)) and len(predicted.y) == 10
    assert predicted.y[1] == pytest.approx(0.10)
    assert observed.y[1] == pytest.approx(20 / 60)
    low = observed.y[1] - observed.error_y.arrayminus[1]
    assert low > 0.10  # the grade whose predicted rate is outside its interval
    rows = find(section, "model-bt-grades").children[1].children
    assert [r.className for r in rows].count("table-danger") == 1
    assert t("bt_grade_outside", "en") in text_of(rows[1])


def test_an_adviser_gets_no_back_test(acting, people):
    store_cases(people["adviser"], case_ok(), served())
    with acting(people["adviser"], "fr"):
        assert backtest_section(1) is None


def test_the_challenger_is_compared_when_one_runs(acting, people):
    set_challenger(CHALLENGER, 0.3)
    cases = [(p, y, min(0.99, p * 1.5)) for p, y in case_ok()]
    store_cases(people["adviser"], cases, served(), challenger=CHALLENGER)
    with acting(people["supervisor"], "fr"):
        section = backtest_section(1)
    card = find(section, "model-challenger-card")
    assert CHALLENGER in text_of(find(card, "model-ch-versions"))
    assert t("ch_agreement", "fr") in text_of(find(card, "model-ch-figures"))
    assert find(card, "model-ch-champion-status").children == t("bt_status_ok", "fr")
    assert find(card, "model-ch-challenger-status").children == t("bt_status_alert", "fr")


def test_a_challenger_without_shadow_scores_is_said_so(acting, people):
    set_challenger(CHALLENGER, 0.3)
    with acting(people["admin"], "fr"):
        section = backtest_section(1)
    expected = t("ch_no_scores", "fr", challenger=CHALLENGER)
    assert text_of(find(section, "model-ch-empty")) == expected


@pytest.mark.parametrize(("role", "drawn"), [("supervisor", True), ("adviser", False)])
def test_dash_answers_the_section_to_a_supervisor_only(dash_app, people, role, drawn):
    store_cases(people["adviser"], case_ok(), served())
    http = dash_app.test_client()
    log_in(http, f"{role}@bank.example")
    outputs, inputs = [("model-backtest", "children")], [("model-load", "data", 1)]
    response = dash_call(http, outputs, inputs, ["model-load.data"])
    assert response.status_code == 200
    assert ("model-bt-status" in response.get_data(as_text=True)) is drawn
