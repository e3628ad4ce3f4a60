"""The review loop's dashboard faces (issue 13 §1): the supervisors' page "À examiner", the
navigation bar's count, the client page's case note and review form, the client's point of view
with a request, and the model page's evidence that decisions are human."""

from __future__ import annotations

from datetime import timedelta

import pytest
from dash.exceptions import PreventUpdate
from dashboard_helpers import GOOD, RISKY, add_client, find, in_callback, open_page, reader, text_of
from sqlalchemy import select

from app.callbacks import client_actions, model_oversight
from app.callbacks import decision as decision_callbacks
from app.callbacks import reviews as reviews_callbacks
from app.callbacks import rights as rights_callbacks
from app.database import current_database
from app.layouts.decision_history import history_table
from app.layouts.shell import shell
from app.models import ReviewCase
from app.services import decisions, reviews, rights, scoring
from app.texts import t

REAL = "Revenus confirmés par bulletin de salaire, garant solvable."


@pytest.fixture
def cases(people):
    """A referred client (the oldest case), a client's request with their point of view, and a
    scored client outside the queue."""
    adviser = people["adviser"]
    referred, requested, outside = (add_client(adviser, GOOD) for _ in range(3))
    for client in (referred, requested, outside):
        scoring.score_client(client.id, adviser)
    decisions.record_decision(referred.id, adviser, "refer", REAL)
    rights.request_review(requested.id, adviser, "Mes revenus ont changé.")
    return {"referred": referred, "requested": requested, "outside": outside}


def rows(table) -> list[str]:
    body = find(table, "reviews-queue").children[1].children
    return [row.to_plotly_json()["props"]["data-client"] for row in body]


def test_the_queue_page_lists_the_cases_oldest_first_with_their_reason(acting, people, cases):
    with acting(people["supervisor"], "fr"):
        table, summary, pages = reviews_callbacks.show_queue("all", False, 1)
    assert rows(table) == [str(cases["referred"].id), str(cases["requested"].id)]
    shown = text_of(table)
    assert "Transmis par adviser@bank.example" in shown and REAL in shown
    assert "Point de vue du client : Mes revenus ont changé." in shown
    assert "En retard" not in shown
    assert summary == "2 dossiers ; page 1 sur 1." and pages == 1


def test_the_queue_page_filters_by_reason_and_overdue(acting, people, cases):
    with current_database().transaction() as session:
        case = reviews.open_case(session, cases["requested"].id)
        case.due = case.since - timedelta(days=1)
    with acting(people["supervisor"], "en"):
        requests, summary, _pages = reviews_callbacks.show_queue("client_request", False, 1)
        overdue, _summary, _pages = reviews_callbacks.show_queue("all", True, 1)
        none, _summary, _pages = reviews_callbacks.show_queue("referred", True, 1)
    assert rows(requests) == [str(cases["requested"].id)] and summary.startswith("1 case;")
    assert rows(overdue) == [str(cases["requested"].id)] and "Overdue" in text_of(overdue)
    assert none.id == "reviews-empty"


@pytest.mark.parametrize(
    ("reason", "overdue", "page", "field"),
    [
        ("maybe", False, 1, "reason"),
        ("all", "yes", 1, "overdue"),
        ("all", False, "2; drop table", "page"),
        ("all", False, 0, "page"),
        ("all", False, 10**19, "page"),  # beyond the store's integers
        (["referred"], False, 1, "reason"),
    ],
)
def test_a_forged_filter_is_named_not_a_crash(acting, people, cases, reason, overdue, page, field):
    with acting(people["supervisor"], "en"):
        alert, summary, pages = reviews_callbacks.show_queue(reason, overdue, page)
    assert alert.id == "reviews-refused" and field in text_of(alert)
    assert (summary, pages) == (None, 1)


def test_an_adviser_is_refused_the_queue_in_their_language(acting, people, cases):
    with acting(people["adviser"], "fr"):
        alert, _summary, _pages = reviews_callbacks.show_queue("all", False, 1)
    assert alert.id == "reviews-refused"
    assert "réservée au rôle : superviseur, administrateur" in text_of(alert)


def test_the_navigation_bar_counts_the_open_cases(acting, people, cases):
    with acting(people["supervisor"], "fr"):
        badge = reviews_callbacks.nav_count("/")
        frame = shell()
    assert text_of(badge) == "2"
    assert find(frame, "nav-nav_reviews") is not None
    assert find(find(frame, "nav-nav_reviews"), "nav-reviews-count") is not None
    reviews.record_review(cases["referred"].id, people["supervisor"], "approve", REAL)
    with acting(people["supervisor"], "fr"):
        assert text_of(reviews_callbacks.nav_count("/reviews")) == "1"
    with acting(people["adviser"], "fr"):
        frame = shell()
        with pytest.raises(PreventUpdate):
            reviews_callbacks.nav_count("/")
    assert find(frame, "nav-nav_reviews") is None
    assert find(frame, "nav-reviews-count").hidden is True


def test_the_page_is_routed_and_titled(dash_app, people, cases):
    http = reader(dash_app.test_client(), "supervisor@bank.example")
    page, title = open_page(http, "/reviews")
    assert find(page, "reviews-table") is not None and find(page, "reviews-reason") is not None
    assert title == "À examiner · Scoring crédit"


def test_the_supervisor_reviews_from_the_client_page(acting, people, cases):
    cid = str(cases["referred"].id)
    with acting(people["supervisor"], "fr"):
        _buttons, form = client_actions.draw_actions(cid)
        assert "Transmis par adviser@bank.example" in text_of(form)
        assert "'value': 'refer'" not in repr(form)
        short, _refresh = decision_callbacks.record(1, "approve", "trop court", cid, 0)
        assert "20" in text_of(short)
        feedback, refresh = decision_callbacks.record(1, "approve", REAL, cid, 0)
    assert feedback.id == "client-decision-ok" and refresh == 1
    case = (
        current_database()
        .session.scalars(select(ReviewCase).where(ReviewCase.client_id == cases["referred"].id))
        .one()
    )
    assert (case.outcome, case.closed_by) == ("approve", people["supervisor"].id)


def test_the_adviser_sees_the_case_is_with_a_supervisor(acting, people, cases):
    with acting(people["adviser"], "fr"):
        _buttons, form = client_actions.draw_actions(str(cases["requested"].id))
        refused, _refresh = decision_callbacks.record(
            1, "approve", REAL, str(cases["requested"].id), 0
        )
    assert form.id == "client-review-waiting"
    assert "En attente du réexamen d'un superviseur" in text_of(form)
    assert "réexamen d'un superviseur" in text_of(refused)


def test_the_request_carries_the_clients_point_of_view(acting, people, cases):
    cid = str(cases["outside"].id)
    with acting(people["adviser"], "en"):
        too_long, enabled = in_callback(
            rights_callbacks.record_review, 1, "x" * 2001, cid, trigger="client-review-record"
        )
        assert too_long.id == "client-review-refused" and "2000" in text_of(too_long)
        assert enabled is False
        assert reviews.case_for(cases["outside"].id, people["adviser"]) is None
        notice, _disabled = in_callback(
            rights_callbacks.record_review, 1, "I disagree.", cid, trigger="client-review-record"
        )
    assert notice.id == "client-review-open"
    case = reviews.case_for(cases["outside"].id, people["adviser"])
    assert (case["reason"], case["client_view"]) == ("client_request", "I disagree.")


def test_the_model_page_shows_override_rates_to_supervisors_only(acting, people):
    adviser = people["adviser"]
    safe, risky = add_client(adviser, GOOD), add_client(adviser, RISKY)
    advice = {c.id: scoring.score_client(c.id, adviser)["recommendation"] for c in (safe, risky)}
    against = {"favourable": "decline", "unfavourable": "approve"}
    follow = {"favourable": "approve", "unfavourable": "decline"}
    clear_cut = [c for c in (safe, risky) if advice[c.id] in against]
    assert clear_cut, f"the quick model rated both clients 'review': {advice}"
    first = clear_cut[0]
    decisions.record_decision(first.id, adviser, against[advice[first.id]], REAL)
    decisions.record_decision(first.id, adviser, follow[advice[first.id]], REAL)
    with acting(people["supervisor"], "en"):
        section = model_oversight.oversight_section(1)
    row = find(section, "oversight-adviser").children[1].children[0]
    cells = [text_of(cell) for cell in row.children]
    assert cells[0] == "adviser@bank.example" and cells[1] == "2"
    assert cells[2] == "50.0% (1/2)" and cells[3] == "0.0% (0)"
    month = text_of(find(section, "oversight-month").children[1].children[0].children[0])
    assert month == first.created_at.strftime("%Y-%m")
    with acting(adviser, "en"):
        assert model_oversight.oversight_section(1) is None


def test_the_adviser_reads_the_review_and_the_clients_words_in_the_history(people, cases):
    client = cases["requested"]
    reviews.record_review(client.id, people["supervisor"], "decline", REAL)
    history = decisions.history(client.id, people["adviser"])
    rows = {
        row.to_plotly_json()["props"]["data-kind"]: [text_of(cell) for cell in row.children]
        for row in history_table(history, "fr").children[1].children
    }
    answer = t("history_review_answer", "fr", outcome=t("outcome_decline", "fr"))
    assert rows["decision"][1:] == [answer, "supervisor@bank.example", REAL]
    assert rows["client_view"][1:] == [
        t("history_client_view", "fr"),
        "adviser@bank.example",
        "Mes revenus ont changé.",
    ]
