"""Portfolio page: the grid's rows, block by block (AG Grid's infinite row model asks with
getRowsRequest, the server answers getRowsResponse), paged, sorted and filtered by the service.

The filter widgets, the strip's figures and the view are read as they are when the grid asks;
any change of them makes the grid ask again from the first page (a clientside callback,
portfolio.refreshGrid in assets/portfolio_grid.js). The strip's figures, the search box and the
reset are in portfolio_controls.
"""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from app.callbacks import portfolio_controls as controls
from app.callbacks.portfolio_rows import grid_rows, total_text
from app.layouts.common import ALL
from app.services.errors import ServiceError
from app.services.portfolio import (
    PortfolioQuery,
    Problem,
    check_query,
    list_clients,
    rows_window,
)
from app.web.session import session_actor, session_language
from modelling.features import FEATURES

RANGE_INPUTS = [(f.name, end) for f in FEATURES for end in ("min", "max")]
DEFAULT_SORT = ("probability", True)
SORT_COLUMNS = {"client": "id", "band": "probability"}  # grid column -> service sort
FOCUS_FLAGS = {"review": "review_only", "decided": "decided_this_month"}
VIEW_FLAGS = {"all": None, "todo": "to_do"}
GRID_FIELDS = {"start_row", "end_row", "sort", "page", "per_page", "column_filter", "view"}
EMPTY = {"rowData": [], "rowCount": 0}
COUNT_LIMIT = 10_000  # the first block counts up to this; past it the grid pages on ("more")
# The callback's outputs by name: the grid's rows, the messages and each filter's red border.
OUTPUTS = {
    "rows": ("portfolio-grid", "getRowsResponse"),
    "total": ("portfolio-total", "children"),
    "feedback": ("portfolio-filter-feedback", "children"),
    "grid_feedback": ("portfolio-grid-feedback", "children"),
    "todo_help": ("portfolio-todo-help", "children"),
    **{f"{n}_{e}_invalid": (f"portfolio-{n}-{e}", "invalid") for n, e in RANGE_INPUTS},
}
STATES = [
    *[(f"portfolio-{name}-{end}", "value") for name, end in RANGE_INPUTS],
    ("portfolio-risk", "value"),
    ("portfolio-stale", "value"),
    ("portfolio-focus", "data"),
    ("portfolio-view", "value"),
]


def sort_of(sort_model) -> tuple[object, bool]:
    """AG Grid's sortModel ([{"colId", "sort"}]) -> the service's sort column and order; what
    is not a sort the grid makes is passed on as is, for check_query to refuse."""
    if sort_model is None or sort_model == []:
        return DEFAULT_SORT
    entry = sort_model[0] if isinstance(sort_model, list) else None
    if not isinstance(entry, dict) or entry.get("sort") not in ("asc", "desc"):
        return None, False
    column = entry.get("colId")
    return (SORT_COLUMNS.get(column, column) if isinstance(column, str) else None), entry[
        "sort"
    ] == "desc"


def flags_of(focus, view) -> tuple[dict[str, object], list[Problem]]:
    """The strip's focus (a list of figures) and the view as the service query's flags."""
    flags: dict[str, object] = {}
    problems = []
    focus = [] if focus is None else focus
    if not isinstance(focus, list) or any(
        not isinstance(f, str) or f not in FOCUS_FLAGS for f in focus
    ):
        problems.append(Problem("focus", "one_of", {"values": tuple(FOCUS_FLAGS)}))
    else:
        flags |= {FOCUS_FLAGS[f]: True for f in focus}
    view = "all" if view is None else view
    if not isinstance(view, str) or view not in VIEW_FLAGS:
        problems.append(Problem("view", "one_of", {"values": tuple(VIEW_FLAGS)}))
    elif VIEW_FLAGS[view]:
        flags[VIEW_FLAGS[view]] = True
    return flags, problems


def build_query(bounds: list, risk, stale, page, size, sort_model, flags=None) -> PortfolioQuery:
    """Filter widgets and the grid's block -> service query. Values pass as the browser sent
    them: the service checks every one (a browser can send anything) and the page words what
    it refuses."""
    ranges: dict[str, tuple] = {}
    for (name, end), value in zip(RANGE_INPUTS, bounds, strict=True):
        low, high = ranges.get(name, (None, None))
        ranges[name] = (value, high) if end == "min" else (low, value)
    sort, descending = sort_of(sort_model)
    return PortfolioQuery(
        ranges={k: v for k, v in ranges.items() if v != (None, None)},
        risk=None if risk is None or risk in ("", ALL) else risk,
        stale_only=False if stale is None else stale,
        sort=sort,
        descending=descending,
        page=page,
        per_page=size,
        **(flags or {}),
    )


def portfolio_rows(request, *states) -> tuple:
    """One block of rows for the grid, or the broken rules in the reader's words."""
    *bounds, risk, stale, focus, view = states
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    request = request if isinstance(request, dict) else {}
    problems, page, size = rows_window(request.get("startRow"), request.get("endRow"))
    if request.get("filterModel") not in (None, {}):
        problems.append(Problem("column_filter", "not_offered"))
    flags, flag_problems = flags_of(focus, view)
    query = build_query(bounds, risk, stale, page, size, request.get("sortModel"), flags)
    found = {(p.field, p.rule) for p in problems}
    problems += flag_problems + [p for p in check_query(query) if (p.field, p.rule) not in found]
    if problems and {"start_row", "end_row"} & {p.field for p in problems}:
        problems = [p for p in problems if p.field not in ("page", "per_page")]  # one cause
    out = {name: "" for name in OUTPUTS} | {"rows": EMPTY}
    invalid = {p.field for p in problems}
    out |= {f"{n}_{e}_invalid": f"{n}_{e}" in invalid for n, e in RANGE_INPUTS}
    out["todo_help"] = controls.todo_help(view, lang)
    grid = [p for p in problems if p.field in GRID_FIELDS or p.field == "focus"]
    widgets = [p for p in problems if p not in grid]
    if widgets:
        out["feedback"] = controls.problem_list(widgets, lang)
    if grid:
        out["grid_feedback"] = controls.problem_list(grid, lang)
    if problems:
        return tuple(out[name] for name in OUTPUTS)
    first = query.page == 1
    try:
        result = list_clients(actor, query, with_total=first, total_limit=COUNT_LIMIT)
    except ServiceError as exc:
        out["feedback"] = controls.service_message(exc, lang)
        return tuple(out[name] for name in OUTPUTS)
    rows = grid_rows(result["items"], lang)
    out["rows"] = {"rowData": rows}
    if len(rows) < size:  # the last block: the grid learns where the list ends
        out["rows"]["rowCount"] = (query.page - 1) * size + len(rows)
    elif first and not result.get("total_capped"):
        out["rows"]["rowCount"] = result["total"]
    # Later blocks leave the total line as the first block wrote it.
    out["total"] = (
        total_text(result["total"], lang, result.get("total_capped")) if first else no_update
    )
    return tuple(out[name] for name in OUTPUTS)


def register(dash_app: Dash) -> None:
    dash_app.callback(
        *[Output(*target) for target in OUTPUTS.values()],
        Input("portfolio-grid", "getRowsRequest"),
        *[State(*state) for state in STATES],
    )(portfolio_rows)
    dash_app.clientside_callback(
        ClientsideFunction(namespace="portfolio", function_name="refreshGrid"),
        Output("portfolio-purged", "data"),
        *[Input(*state) for state in STATES],
        prevent_initial_call=True,
    )
    controls.register(dash_app)
