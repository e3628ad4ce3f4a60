"""Portfolio callbacks as plain functions: filters, paging and sorting done by the database."""

from __future__ import annotations

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate
from dashboard_helpers import GOOD, RISKY, add_client

from app.callbacks.portfolio import OUTPUTS, RANGE_INPUTS, build_query, portfolio_page
from app.callbacks.portfolio_controls import open_client
from app.services.pseudonymisation import client_uuid
from app.texts import t

NO_BOUNDS = [None] * len(RANGE_INPUTS)


def bounds(**values):
    """Filter widgets in callback order, e.g. bounds(income_min=30000)."""
    return [values.get(f"{name}_{end}") for name, end in RANGE_INPUTS]


def outputs(
    acting,
    user,
    *,
    lang="fr",
    ranges=None,
    risk="all",
    stale=False,
    number=0,
    size=25,
    sort_by=None,
    seen=None,
):
    """Every output of the page's callback, by name."""
    with acting(user, lang):
        values = portfolio_page(
            *(ranges or NO_BOUNDS), risk, stale, number, size, sort_by or [], seen
        )
    return dict(zip(OUTPUTS, values, strict=True))


def page(acting, user, **kwargs):
    """The table's rows, its page count and the total line."""
    shown = outputs(acting, user, **kwargs)
    return shown["data"], shown["page_count"], shown["total"]


@pytest.mark.parametrize(
    ("widgets", "sort_by", "expected"),
    [
        ({}, [], {"ranges": {}, "sort": "probability", "descending": True, "risk": None}),
        ({"income_min": 30_000}, [], {"ranges": {"income": (30_000, None)}}),
        ({"age_min": 30, "age_max": 45}, [], {"ranges": {"age": (30, 45)}}),
        (
            {},
            [{"column_id": "probability", "direction": "desc"}],
            {"sort": "probability", "descending": True},
        ),
        ({}, [{"column_id": "band", "direction": "asc"}], {"sort": "probability"}),
        ({}, [{"column_id": "link", "direction": "asc"}], {"sort": "id"}),
    ],
)
def test_widgets_become_a_service_query(widgets, sort_by, expected):
    query = build_query(bounds(**widgets), "all", False, 2, 25, sort_by)
    assert query.page == 3 and query.per_page == 25
    for key, value in expected.items():
        assert getattr(query, key) == value


def test_adviser_sees_only_their_portfolio(acting, people, book):
    rows, pages, total = page(acting, people["adviser"])
    links = {row["link"] for row in rows}
    assert total == "2 clients" and pages == 1
    assert all(str(book[k].id) in " ".join(links) for k in ("fresh", "stale"))
    assert str(book["foreign"].id) not in " ".join(links)


def test_admin_sees_no_clients(acting, people, book):
    rows, _pages, total = page(acting, people["admin"])
    assert rows == [] and total == "0 client"


def test_rows_are_formatted_per_language(acting, people, book):
    rows, _, _ = page(acting, people["adviser"], ranges=bounds(income_min=30_000))
    (row,) = rows
    assert row["income"] == "38\u202f000 €" and row["seniority"] == "6,5"
    assert row["link"] == f"[{str(book['fresh'].id)[:8]}…](/clients/{book['fresh'].id})"
    rows, _, total = page(acting, people["adviser"], lang="en", ranges=bounds(income_min=30_000))
    assert rows[0]["income"] == "€38,000" and rows[0]["seniority"] == "6.5"
    assert total == "1 client"


def test_range_and_stale_filters(acting, people, book):
    rows, _, _ = page(acting, people["adviser"], ranges=bounds(incidents_min=1))
    assert [r["incidents"] for r in rows] == [2]
    rows, _, _ = page(acting, people["adviser"], stale=True)
    assert len(rows) == 1 and rows[0]["stale"] == 1 and rows[0]["data_updated_at"].endswith("⚠")


def test_risk_band_filter_uses_the_latest_score(acting, people, book):
    from app.services.refresh import refresh_scores

    refresh_scores()
    high, _, _ = page(acting, people["adviser"], risk="high")
    low, _, _ = page(acting, people["adviser"], risk="low")
    assert [r["income"] for r in high] == ["21\u202f000 €"]
    assert [r["income"] for r in low] == ["38\u202f000 €"]


def test_paging_and_sorting_are_done_by_the_database(acting, people, book):
    for i in range(30):
        add_client(people["adviser"], GOOD | {"credit_score": 600 + i})
    first, pages, total = page(
        acting,
        people["adviser"],
        size=10,
        sort_by=[{"column_id": "credit_score", "direction": "desc"}],
    )
    assert total == "32 clients" and pages == 4 and len(first) == 10
    assert [r["credit_score"] for r in first] == [GOOD["credit_score"], *range(629, 620, -1)]
    last, _, _ = page(
        acting,
        people["adviser"],
        size=10,
        number=3,
        sort_by=[{"column_id": "credit_score", "direction": "desc"}],
    )
    assert [r["credit_score"] for r in last] == [600, RISKY["credit_score"]]


def test_anonymous_gets_nothing(acting, book):
    with acting(None), pytest.raises(PreventUpdate):
        portfolio_page(*NO_BOUNDS, "all", False, 0, 25, [], None)


def test_search_by_uuid_or_customer_reference(acting, people, dash_app):
    ref_client = add_client(people["adviser"], client_id=client_uuid("CUST-000123"))
    foreign = add_client(people["other"])
    with acting(people["adviser"]):
        assert open_client(1, None, str(ref_client.id)) == (f"/clients/{ref_client.id}", "", [])
        assert open_client(1, None, " CUST-000123 ") == (f"/clients/{ref_client.id}", "", [])
        href, message, _ = open_client(1, None, str(foreign.id))
    assert href is no_update and message == t("search_not_found", "fr")


def test_a_client_awaiting_human_review_is_marked_in_the_list(acting, people, book):
    from app.services.rights import request_review

    with acting(people["adviser"]):
        request_review(book["stale"].id, people["adviser"])
    rows, _, _ = page(acting, people["adviser"], sort_by=[{"column_id": "age", "direction": "asc"}])
    marked = {row["link"].split("]")[0][1:]: "réexamen demandé" in row["link"] for row in rows}
    assert marked == {str(book["stale"].id)[:8] + "…": True, str(book["fresh"].id)[:8] + "…": False}
    rows, _, _ = page(acting, people["adviser"], lang="en", stale=True)
    assert "review requested" in rows[0]["link"]
