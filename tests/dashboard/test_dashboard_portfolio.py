"""The portfolio grid's request callback as a plain function (AG Grid's infinite row model asks
for a block of rows, the server pages, sorts and filters in SQL), and the short-id search."""

from __future__ import annotations

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate
from dashboard_helpers import GOOD, RISKY, add_client

from app.callbacks.portfolio import OUTPUTS, RANGE_INPUTS, build_query, portfolio_rows
from app.callbacks.portfolio_controls import open_client
from app.services.pseudonymisation import client_uuid
from app.texts import t

NO_BOUNDS = [None] * len(RANGE_INPUTS)
RISKIEST_FIRST = [{"colId": "probability", "sort": "desc"}]


def bounds(**values):
    """Filter widgets in callback order, e.g. bounds(income_min=30000)."""
    return [values.get(f"{name}_{end}") for name, end in RANGE_INPUTS]


def grid(
    acting,
    user,
    *,
    lang="fr",
    ranges=None,
    risk="all",
    stale=False,
    focus=None,
    view="all",
    start=0,
    end=25,
    sort=None,
    request=None,
):
    """Every output of the grid's callback, by name, for one block [start, end)."""
    if request is None:
        request = {
            "startRow": start,
            "endRow": end,
            "sortModel": RISKIEST_FIRST if sort is None else sort,
            "filterModel": {},
        }
    with acting(user, lang):
        values = portfolio_rows(request, *(ranges or NO_BOUNDS), risk, stale, focus, view)
    return dict(zip(OUTPUTS, values, strict=True))


def rows(acting, user, **kwargs):
    """The block's rows and the row count the grid pages with."""
    response = grid(acting, user, **kwargs)["rows"]
    return response["rowData"], response["rowCount"]


def ids(acting, user, **kwargs) -> set[str]:
    return {row["id"] for row in rows(acting, user, **kwargs)[0]}


@pytest.mark.parametrize(
    ("widgets", "sort_model", "expected"),
    [
        ({}, [], {"ranges": {}, "sort": "probability", "descending": True, "risk": None}),
        ({"income_min": 30_000}, [], {"ranges": {"income": (30_000, None)}}),
        ({"age_min": 30, "age_max": 45}, [], {"ranges": {"age": (30, 45)}}),
        (
            {},
            [{"colId": "credit_score", "sort": "asc"}],
            {"sort": "credit_score", "descending": False},
        ),
        ({}, [{"colId": "band", "sort": "desc"}], {"sort": "probability", "descending": True}),
        ({}, [{"colId": "client", "sort": "asc"}], {"sort": "id"}),
        ({}, [{"colId": "age", "sort": "sideways"}], {"sort": None}),
    ],
)
def test_widgets_and_the_grid_sort_become_a_service_query(widgets, sort_model, expected):
    query = build_query(bounds(**widgets), "all", False, 3, 25, sort_model)
    assert query.page == 3 and query.per_page == 25
    for key, value in expected.items():
        assert getattr(query, key) == value


def test_adviser_sees_only_their_portfolio(acting, people, book):
    shown = grid(acting, people["adviser"])
    assert shown["total"] == "2 clients" and shown["rows"]["rowCount"] == 2
    assert {r["id"] for r in shown["rows"]["rowData"]} == {
        str(book["fresh"].id),
        str(book["stale"].id),
    }


def test_admin_sees_no_clients(acting, people, book):
    shown = grid(acting, people["admin"])
    assert shown["rows"] == {"rowData": [], "rowCount": 0} and shown["total"] == "0 client"


def test_rows_carry_raw_values_for_the_grid_and_words_in_the_page_language(acting, people, book):
    (row,), _ = rows(acting, people["adviser"], ranges=bounds(income_min=30_000))
    fresh = str(book["fresh"].id)
    assert row["client"] == f"[{fresh[:8]}…](/clients/{fresh})"
    assert (row["income"], row["seniority"], row["stale"]) == (38_000, 6.5, False)
    assert row["data_updated_at"] == book["fresh"].data_updated_at.isoformat()
    assert row["todo"] == "décider"  # never decided
    (row,), _ = rows(acting, people["adviser"], lang="en", stale=True)
    assert row["stale"] is True and row["todo"] == "update the data, decide"


def test_range_and_stale_filters(acting, people, book):
    assert ids(acting, people["adviser"], ranges=bounds(incidents_min=1)) == {str(book["stale"].id)}
    assert ids(acting, people["adviser"], stale=True) == {str(book["stale"].id)}


def test_risk_band_filter_uses_the_latest_score(acting, people, book):
    from app.services.refresh import refresh_scores

    refresh_scores()
    high, _ = rows(acting, people["adviser"], risk="high")
    low, _ = rows(acting, people["adviser"], risk="low")
    assert [r["income"] for r in high] == [21_000]
    assert [r["income"] for r in low] == [38_000]
    assert high[0]["band"] == t("reco_unfavourable", "fr") and high[0]["band_key"] == "high"


def test_blocks_and_sorting_are_done_by_the_database(acting, people, book):
    for i in range(30):
        add_client(people["adviser"], GOOD | {"credit_score": 600 + i})
    by_score = [{"colId": "credit_score", "sort": "desc"}]
    first, count = rows(acting, people["adviser"], end=10, sort=by_score)
    assert count == 32 and len(first) == 10
    assert [r["credit_score"] for r in first] == [GOOD["credit_score"], *range(629, 620, -1)]
    last, count = rows(acting, people["adviser"], start=30, end=40, sort=by_score)
    assert count == 32 and [r["credit_score"] for r in last] == [600, RISKY["credit_score"]]
    ascending, _ = rows(
        acting, people["adviser"], end=3, sort=[{"colId": "credit_score", "sort": "asc"}]
    )
    assert [r["credit_score"] for r in ascending] == [RISKY["credit_score"], 600, 601]


def test_anonymous_gets_nothing(acting, book):
    with acting(None), pytest.raises(PreventUpdate):
        portfolio_rows({"startRow": 0, "endRow": 25}, *NO_BOUNDS, "all", False, None, "all")


def test_search_by_uuid_or_customer_reference(acting, people, dash_app):
    ref_client = add_client(people["adviser"], client_id=client_uuid("CUST-000123"))
    foreign = add_client(people["other"])
    with acting(people["adviser"]):
        assert open_client(1, None, str(ref_client.id)) == (f"/clients/{ref_client.id}", "", [])
        assert open_client(1, None, " CUST-000123 ") == (f"/clients/{ref_client.id}", "", [])
        href, message, _ = open_client(1, None, str(foreign.id))
    assert href is no_update and message == t("search_not_found", "fr")


def test_a_large_list_is_counted_no_further_than_the_cap_and_pages_on(
    acting, people, book, monkeypatch
):
    from app.callbacks import portfolio

    monkeypatch.setattr(portfolio, "COUNT_LIMIT", 3)
    for _ in range(4):
        add_client(people["adviser"])
    first = grid(acting, people["adviser"], end=2)
    assert first["total"] == "Plus de 3 clients"
    assert len(first["rows"]["rowData"]) == 2 and "rowCount" not in first["rows"]  # "more"
    last = grid(acting, people["adviser"], start=4, end=8)
    assert last["rows"]["rowCount"] == 6 and last["total"] is no_update
