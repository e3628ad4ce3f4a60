"""Portfolio page: the filtered, sorted page of clients, and the search box."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from app.i18n import format_number, format_value
from app.layouts.common import ALL, band_word, date_text, percent
from app.services.errors import NotFound, ServiceError
from app.services.lookup import resolve_client
from app.services.portfolio import PortfolioQuery, list_clients
from app.texts import t
from app.web.session import session_actor, session_language
from modelling.features import FEATURES

RANGE_INPUTS = [(f.name, end) for f in FEATURES for end in ("min", "max")]
DEFAULT_SORT = ("probability", True)


def build_query(
    bounds: list, risk: str | None, stale: bool, page: int, size: int, sort_by: list | None
) -> PortfolioQuery:
    """Filter widgets -> service query (sorting on a column the service allows)."""
    ranges: dict[str, tuple] = {}
    for (name, end), value in zip(RANGE_INPUTS, bounds, strict=True):
        low, high = ranges.get(name, (None, None))
        ranges[name] = (value, high) if end == "min" else (low, value)
    ranges = {k: v for k, v in ranges.items() if v != (None, None)}
    sort, descending = DEFAULT_SORT  # riskiest first, straight from the probability index
    if sort_by:
        column = sort_by[0]["column_id"]
        sort = {"probability": "probability", "link": "id", "band": "probability"}.get(
            column, column
        )
        descending = sort_by[0]["direction"] == "desc"
    risk = None if risk in (None, "", ALL) else risk
    return PortfolioQuery(
        ranges=ranges,
        risk=risk,
        stale_only=bool(stale),
        sort=sort,
        descending=descending,
        page=page + 1,
        per_page=size,
    )


def table_rows(items: list[dict], lang: str) -> list[dict]:
    rows = []
    for item in items:
        rows.append(
            {
                "link": f"[{item['id'][:8]}…](/clients/{item['id']})"
                + (
                    f" · **{t('review_pending_mark', lang)}**"
                    if item["review_requested_at"]
                    else ""
                ),
                "age": item["age"],
                "income": format_value("income", item["income"], lang),
                "seniority": format_number(item["seniority"], lang, 1),
                "incidents": item["incidents"],
                "credit_score": item["credit_score"],
                "probability": percent(item["probability_of_default"], lang),
                "band": band_word(item["risk_band"], lang) if item.get("risk_band") else "—",
                "data_updated_at": date_text(item["data_updated_at"], lang)
                + (" ⚠" if item["stale"] else ""),
                "stale": int(item["stale"]),
                "band_key": item.get("risk_band") or "",
            }
        )
    return rows


def portfolio_page(*args):
    *bounds, risk, stale, page, size, sort_by = args
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    try:
        result = list_clients(actor, build_query(bounds, risk, stale, page or 0, size, sort_by))
    except ServiceError as exc:
        return [], 1, str(exc)
    pages = max(1, -(-result["total"] // size))
    singular = result["total"] == 1 or (lang == "fr" and result["total"] == 0)
    total = t(
        "portfolio_total_one" if singular else "portfolio_total",
        lang,
        count=format_number(result["total"], lang),
    )
    return table_rows(result["items"], lang), pages, total


def open_client(_clicks, _submit, text: str | None):
    actor = session_actor()
    if actor is None or not text:
        raise PreventUpdate
    try:
        client_id = resolve_client(text, actor)
    except NotFound:
        return no_update, t("search_not_found", session_language())
    return f"/clients/{client_id}", ""


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("portfolio-table", "data"),
        Output("portfolio-table", "page_count"),
        Output("portfolio-total", "children"),
        *[Input(f"portfolio-{name}-{end}", "value") for name, end in RANGE_INPUTS],
        Input("portfolio-risk", "value"),
        Input("portfolio-stale", "value"),
        Input("portfolio-table", "page_current"),
        Input("portfolio-table", "page_size"),
        Input("portfolio-table", "sort_by"),
    )(portfolio_page)
    dash_app.callback(
        Output("url", "href", allow_duplicate=True),
        Output("portfolio-search-feedback", "children"),
        Input("portfolio-search-go", "n_clicks"),
        Input("portfolio-search", "n_submit"),
        State("portfolio-search", "value"),
        prevent_initial_call=True,
    )(open_client)
