"""The portfolio's strip of figures, its two views (all clients, to do) and the client grid.

The grid is dash-ag-grid (AG Grid community, served from the package like every Dash bundle:
no CDN) in its infinite row model: each block of rows is asked of the server, which pages, sorts
and filters in SQL. Numbers and dates are formatted in the browser by the functions of
assets/portfolio_grid.js (Intl, the reader's locale); the words come from the catalogue.
"""

from __future__ import annotations

import json

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from app.texts import t
from modelling.features import FEATURES

PAGE_SIZE = 25
FIGURES = ("clients", "high", "stale", "review", "decided")
FIGURE_ICONS = {
    "clients": "bi-people",
    "high": "bi-exclamation-octagon",
    "stale": "bi-clock-history",
    "review": "bi-person-check",
    "decided": "bi-check2-square",
}
VIEWS = ("all", "todo")
# AG Grid's words (localeText keys) -> catalogue keys.
LOCALE_KEYS = {
    "page": "grid_page",
    "of": "grid_of",
    "to": "grid_to",
    "more": "grid_more",
    "firstPage": "grid_first_page",
    "previousPage": "grid_previous_page",
    "nextPage": "grid_next_page",
    "lastPage": "grid_last_page",
    "loadingOoo": "grid_loading",
    "noRowsToShow": "grid_no_rows",
    "pageSizeSelectorLabel": "grid_page_size",
    "ariaPageSizeSelectorLabel": "grid_page_size",
    "thousandSeparator": "grid_thousands",
    "decimalSeparator": "grid_decimal",
    "sortAscending": "grid_sort_ascending",
    "sortDescending": "grid_sort_descending",
    "ariaPaginationPanel": "grid_pagination_panel",
    "ariaRowCount": "grid_row_count",
    "paginationPanel": "grid_pagination_label",
}


def figure_strip(lang: str):
    """One button per figure: its count (filled by a callback) and its name; a click filters."""
    buttons = [
        dbc.Col(
            html.Button(
                [
                    html.I(className=f"bi {FIGURE_ICONS[name]} me-2", **{"aria-hidden": "true"}),
                    html.Span("…", id=f"portfolio-figure-{name}-count", className="figure-count"),
                    " ",
                    html.Span(t(f"figure_{name}", lang), className="figure-name"),
                ],
                id=f"portfolio-figure-{name}",
                type="button",
                className="portfolio-figure",
                title=t("figure_show", lang, name=t(f"figure_{name}", lang)),
                **{"aria-pressed": "false"},
            ),
            xs=6,
            md=4,
            lg=True,
            className="mb-2",
        )
        for name in FIGURES
    ]
    return html.Section(
        [
            html.H2(t("figures_label", lang), className="visually-hidden"),
            dbc.Row(buttons, className="g-2"),
            html.Div(id="portfolio-figures-note", className="small text-muted"),
            dcc.Store(id="portfolio-figures-load", data=0),
            dcc.Store(id="portfolio-focus"),
        ],
        id="portfolio-figures",
        className="mb-3",
        **{"aria-label": t("figures_label", lang)},
    )


def _formatter(function: str, lang: str, *words: str) -> dict:
    arguments = ", ".join(["params", json.dumps(lang), *(json.dumps(w) for w in words)])
    return {"function": f"{function}({arguments})"}


def columns(lang: str, role: str = "adviser") -> list[dict]:
    """The grid's columns: readable headers (wrapped, never cut), values formatted in JS; the
    To-do column for advisers (a supervisor's work is the review queue)."""
    number = {"type": "rightAligned", "flex": 1}
    widths = {"age": 80, "income": 100, "seniority": 115, "incidents": 105, "credit_score": 95}
    defs = [
        {
            "field": "client",
            "headerName": t("grid_col_client", lang),
            "cellRenderer": "markdown",
            "cellRendererParams": {"linkTarget": "_self"},
            # A fixed width: a pinned column that flexes takes the room the last ones need.
            "width": 135,  # the short id "2ced8f9f…" in bold, whole
            "pinned": "left",
        },
        *(
            {
                "field": f.name,
                "headerName": t(f"short_{f.name}", lang),
                "headerTooltip": f"{f.label(lang)} ({f.unit(lang)})",
                "valueFormatter": _formatter("portfolioNumber", lang),
                "minWidth": widths[f.name],
                **number,
            }
            for f in FEATURES
        ),
        {
            "field": "probability",
            "headerName": t("grid_col_probability", lang),
            "valueFormatter": _formatter("portfolioPercent", lang),
            "sort": "desc",
            **number,
            "minWidth": 135,
        },
        {
            "field": "band",
            "headerName": t("grid_col_band", lang),
            "cellClassRules": {
                f"portfolio-band-{band}": f"params.data && params.data.band_key == '{band}'"
                for band in ("low", "medium", "high")
            },
            "minWidth": 135,
            "flex": 1,
        },
        {
            "field": "data_updated_at",
            "headerName": t("grid_col_updated", lang),
            "valueFormatter": _formatter("portfolioDate", lang),
            "tooltipValueGetter": {
                "function": f"portfolioStaleTip(params, {json.dumps(t('mark_stale', lang))})"
            },
            "cellClassRules": {"portfolio-stale-cell": "params.data && params.data.stale"},
            "minWidth": 140,
            "flex": 1,
        },
        {
            "field": "review",
            "headerName": t("grid_col_review", lang),
            "sortable": False,
            "cellClassRules": {
                "portfolio-review-pending": "params.data && params.data.review_key == 'pending'",
                "portfolio-review-answered": "params.data && params.data.review_key == 'answered'",
            },
            "minWidth": 120,  # "en attente" in bold, whole
            "flex": 1,
        },
        {
            "field": "todo",
            "headerName": t("grid_col_todo", lang),
            "sortable": False,
            "tooltipField": "todo",
            "minWidth": 130,  # every column fits a 1366 px page; the tooltip has the whole text
            "flex": 2,
        },
    ]
    return defs if role == "adviser" else defs[:-1]


def grid(lang: str, role: str):
    return dag.AgGrid(
        id="portfolio-grid",
        rowModelType="infinite",
        columnDefs=columns(lang, role),
        defaultColDef={
            "sortable": True,
            "filter": False,
            "resizable": True,
            "wrapHeaderText": True,
            "autoHeaderHeight": True,
            "suppressMovable": True,
        },
        dashGridOptions={
            "pagination": True,
            "paginationPageSize": PAGE_SIZE,
            "paginationPageSizeSelector": False,
            "cacheBlockSize": PAGE_SIZE,
            "maxBlocksInCache": 4,
            "maxConcurrentDatasourceRequests": 1,
            "infiniteInitialRowCount": 1,
            "rowBuffer": 0,
            "domLayout": "autoHeight",
            "localeText": {key: t(word, lang) for key, word in LOCALE_KEYS.items()},
            "suppressCellFocus": False,
            "enableCellTextSelection": True,
        },
        rowClassRules={"portfolio-stale-row": "params.data && params.data.stale"},
        className="portfolio-grid",
        style={"width": "100%"},
    )


def view_tabs(lang: str, user):
    """All clients, or the adviser's to-do (supervisors review in their own queue)."""
    views = VIEWS if user.role == "adviser" else VIEWS[:1]
    # A radio group drawn as buttons: dbc.Tabs without panes names panes that do not exist
    # (axe-core: aria-controls to a missing id), and choosing a view is a choice of one.
    return dbc.RadioItems(
        id="portfolio-view",
        name="portfolio-view",
        options=[{"label": t(f"view_{v}", lang), "value": v} for v in views],
        value="all",
        className="btn-group mb-2",
        inputClassName="btn-check",
        labelClassName="btn btn-outline-primary btn-sm",
        labelCheckedClassName="active",
    )
