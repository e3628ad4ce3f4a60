"""Page 1, "Mes clients": the day's figures, filters, search, and the client grid (paged,
sorted and filtered by the database; app/layouts/portfolio_grid.py)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask import current_app

from app.i18n import format_number
from app.layouts.common import ALL, band_word, card, page_header
from app.layouts.portfolio_grid import figure_strip, grid, view_tabs
from app.texts import t
from modelling.features import FEATURES

TYPING_DEBOUNCE_MS = 400  # dbc.Input counts milliseconds: filters apply once typing pauses
RISK_BANDS = ("low", "medium", "high")


def _range_filter(feature, lang: str):
    bounds = t(
        "filter_bounds",
        lang,
        low=format_number(feature.minimum, lang),
        high=format_number(feature.maximum, lang),
        unit=feature.unit(lang),
    )
    inputs = [
        dbc.Input(
            id=f"portfolio-{feature.name}-{end}",
            type="number",
            # No min, max or integer step: the browser would send nothing for a value outside
            # them (a minimum age of 5 silently ignored); the service names the rule instead.
            step="any",
            placeholder=t(f"filter_{end}", lang),
            debounce=TYPING_DEBOUNCE_MS,
            persistence=True,
            persistence_type="session",
            size="sm",
        )
        for end in ("min", "max")
    ]
    hidden_labels = [
        dbc.Label(
            f"{feature.label(lang)} {t(f'filter_{end}_long', lang)} ({bounds})",
            html_for=f"portfolio-{feature.name}-{end}",
            className="visually-hidden",
        )
        for end in ("min", "max")
    ]
    return dbc.Col(
        [
            html.Div(
                t(f"short_{feature.name}", lang),
                className="small mb-1 filter-label",
                title=f"{feature.label(lang)} : {bounds}"
                if lang == "fr"
                else f"{feature.label(lang)}: {bounds}",
                **{"aria-hidden": "true"},
            ),
            *hidden_labels,
            dbc.InputGroup(inputs, size="sm"),
        ],
        md=4,
        lg=2,
        className="mb-2",
    )


def filters(lang: str):
    risk = dbc.Col(
        [
            dbc.Label(t("filter_risk", lang), html_for="portfolio-risk", className="small mb-1"),
            dbc.Select(
                id="portfolio-risk",
                size="sm",
                value=ALL,
                persistence=True,
                persistence_type="session",
                options=[{"label": t("filter_all", lang), "value": ALL}]
                + [{"label": band_word(b, lang), "value": b} for b in RISK_BANDS],
            ),
        ],
        md=4,
        lg=2,
        className="mb-2",
    )
    stale = dbc.Col(
        dbc.Switch(
            id="portfolio-stale",
            label=t("filter_stale", lang, days=current_app.config["STALE_AFTER_DAYS"]),
            value=False,
            persistence=True,
            persistence_type="session",
            className="mb-2",
        ),
        md=4,
        lg=4,
        className="mb-2",
    )
    search = dbc.Col(
        [
            dbc.Label(t("search_label", lang), html_for="portfolio-search", className="small mb-1"),
            dbc.InputGroup(
                [
                    dbc.Input(
                        id="portfolio-search",
                        type="search",
                        size="sm",
                        placeholder=t("search_placeholder", lang),
                        autocomplete="off",
                    ),
                    dbc.Button(
                        [html.I(className="bi bi-search")],
                        id="portfolio-search-go",
                        size="sm",
                        color="primary",
                        title=t("search_go", lang),
                    ),
                ],
                size="sm",
            ),
            html.Div(
                id="portfolio-search-feedback", className="small text-danger mt-1", role="status"
            ),
        ],
        md=8,
        lg=6,
        className="mb-2",
    )
    reset = dbc.Col(
        dbc.Button(
            [html.I(className="bi bi-arrow-counterclockwise me-1"), t("filter_reset", lang)],
            id="portfolio-reset",
            size="sm",
            color="secondary",
            outline=True,
        ),
        width="auto",
        className="mb-2",
    )
    return html.Div(
        [
            dbc.Row(
                [_range_filter(f, lang) for f in FEATURES] + [risk], className="align-items-end"
            ),
            html.Div(
                id="portfolio-filter-feedback",
                className="small text-danger mb-2",
                role="alert",
            ),
            dbc.Row([search, stale, reset], className="align-items-end"),
            html.Div(id="portfolio-search-results", className="small mb-2", role="status"),
        ]
    )


def heading(user, lang: str) -> str:
    """An adviser's own clients are "Mes clients"; a supervisor reads the whole portfolio."""
    return t("portfolio_title" if user.role == "adviser" else "portfolio_title_all", lang)


def layout(lang: str, user, query: dict, **_):
    subtitle = "portfolio_subtitle" if user.role == "adviser" else "portfolio_subtitle_all"
    return html.Div(
        [
            page_header(heading(user, lang), t(subtitle, lang), "portfolio"),
            figure_strip(lang),
            card(t("filters", lang), filters(lang), "portfolio-filters-card", "bi-funnel"),
            card(
                t("clients", lang),
                [
                    view_tabs(lang, user),
                    html.Div(id="portfolio-todo-help", className="small text-muted mb-2"),
                    html.Div(id="portfolio-total", className="mb-2 fw-semibold", role="status"),
                    html.Div(
                        id="portfolio-grid-feedback",
                        className="small text-danger mb-2",
                        role="alert",
                    ),
                    dcc.Store(id="portfolio-purged"),
                    grid(lang, user.role),
                ],
                "portfolio-table-card",
                "bi-table",
            ),
        ]
    )
