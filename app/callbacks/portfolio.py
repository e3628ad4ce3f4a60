"""Portfolio page: the filtered, sorted page of clients (the search box, the reset and the
paging buttons are in portfolio_controls)."""

from __future__ import annotations

import hashlib

from dash import Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from app.callbacks import portfolio_controls as controls
from app.i18n import format_number, format_value
from app.layouts.common import ALL, band_word, date_text, percent
from app.services.errors import ServiceError
from app.services.portfolio import PortfolioQuery, check_query, list_clients
from app.texts import t
from app.web.session import session_actor, session_language
from modelling.features import FEATURES

RANGE_INPUTS = [(f.name, end) for f in FEATURES for end in ("min", "max")]
DEFAULT_SORT = ("probability", True)
SORT_COLUMNS = {"probability": "probability", "link": "id", "band": "probability"}
# The page's outputs by name (the table, its messages, the pager and each filter's red border).
OUTPUTS = {
    "data": ("portfolio-table", "data"),
    "page_count": ("portfolio-table", "page_count"),
    "page_current": ("portfolio-table", "page_current"),
    "total": ("portfolio-total", "children"),
    "feedback": ("portfolio-filter-feedback", "children"),
    "filters_seen": ("portfolio-filters-seen", "data"),
    "status": ("portfolio-page-status", "children"),
    **{f"{step}_disabled": (f"portfolio-page-{step}", "disabled") for step in controls.STEPS},
    **{f"{n}_{e}_invalid": (f"portfolio-{n}-{e}", "invalid") for n, e in RANGE_INPUTS},
}


def build_query(bounds: list, risk, stale, page, size, sort_by) -> PortfolioQuery:
    """Filter widgets -> service query. Values pass as the browser sent them: the service
    checks every one (a browser can send anything) and the page words what it refuses."""
    ranges: dict[str, tuple] = {}
    for (name, end), value in zip(RANGE_INPUTS, bounds, strict=True):
        low, high = ranges.get(name, (None, None))
        ranges[name] = (value, high) if end == "min" else (low, value)
    ranges = {k: v for k, v in ranges.items() if v != (None, None)}
    sort, descending = DEFAULT_SORT  # riskiest first, straight from the probability index
    entry = sort_by[0] if isinstance(sort_by, list) and sort_by else None
    if entry is not None:
        column = entry.get("column_id") if isinstance(entry, dict) else None
        sort = SORT_COLUMNS.get(column, column) if isinstance(column, str) else None
        descending = isinstance(entry, dict) and entry.get("direction") == "desc"
    number = page + 1 if isinstance(page, int) and not isinstance(page, bool) else page
    number = 1 if page is None else number
    return PortfolioQuery(
        ranges=ranges,
        risk=None if risk is None or risk in ("", ALL) else risk,
        stale_only=False if stale is None else stale,
        sort=sort,
        descending=descending,
        page=number,
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


def portfolio_page(*args) -> tuple:
    *bounds, risk, stale, page, size, sort_by, seen = args
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    out = {name: no_update for name in OUTPUTS}
    # A digest, not the values: what the browser sent is echoed back only once checked.
    signature = hashlib.sha256(repr([bounds, risk, stale]).encode()).hexdigest()
    if seen is not None and signature != seen and page:
        page, out["page_current"] = 0, 0  # new filters start on the first page
    out["filters_seen"] = signature
    query = build_query(bounds, risk, stale, page, size, sort_by)
    problems = check_query(query)
    invalid = {p.field for p in problems}
    out |= {f"{n}_{e}_invalid": f"{n}_{e}" in invalid for n, e in RANGE_INPUTS}
    if problems:
        return _shown(out, [], 1, "", controls.problem_list(problems, lang), 0, lang)
    try:
        result = list_clients(actor, query)
    except ServiceError as exc:
        return _shown(out, [], 1, "", controls.service_message(exc, lang), 0, lang)
    pages = max(1, -(-result["total"] // size))
    singular = result["total"] == 1 or (lang == "fr" and result["total"] == 0)
    total = t(
        "portfolio_total_one" if singular else "portfolio_total",
        lang,
        count=format_number(result["total"], lang),
    )
    return _shown(out, table_rows(result["items"], lang), pages, total, "", query.page - 1, lang)


def _shown(out: dict, rows, pages: int, total: str, feedback, page: int, lang: str) -> tuple:
    out |= {"data": rows, "page_count": pages, "total": total, "feedback": feedback}
    out["status"] = t(
        "page_status",
        lang,
        page=format_number(page + 1, lang),
        pages=format_number(pages, lang),
    )
    for step, disabled in controls.disabled_steps(page, pages).items():
        out[f"{step}_disabled"] = disabled
    return tuple(out[name] for name in OUTPUTS)


def register(dash_app: Dash) -> None:
    dash_app.callback(
        *[Output(*target) for target in OUTPUTS.values()],
        *[Input(f"portfolio-{name}-{end}", "value") for name, end in RANGE_INPUTS],
        Input("portfolio-risk", "value"),
        Input("portfolio-stale", "value"),
        Input("portfolio-table", "page_current"),
        Input("portfolio-table", "page_size"),
        Input("portfolio-table", "sort_by"),
        State("portfolio-filters-seen", "data"),
    )(portfolio_page)
    controls.register(dash_app)
