"""The client page's header that stays at the top while the page scrolls (issue 13 §3): who the
client is (short id), the probability, the advice, how fresh the data is, the review status;
and the letter's controls (pure trees)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.i18n import LANGUAGES, days_ago
from app.layouts.common import date_text, percent, recommendation_badge
from app.texts import t

REVIEW_COLOURS = {"pending": "warning", "answered": "info"}


def _fact(label: str, value, fact_id: str, **props):
    return html.Div(
        [html.Span(label, className="client-fact-label"), html.Span(value, id=fact_id, **props)],
        className="client-fact",
    )


def header_facts(facts: dict, lang: str) -> list:
    """`facts`: probability (None while the model is off), recommendation, data_updated_at,
    data_age_days, stale, review ("pending", "answered" or None)."""
    freshness = t(
        "header_data_age",
        lang,
        date=date_text(facts["data_updated_at"], lang),
        ago=days_ago(facts["data_age_days"], lang),
    )
    fresh_mark = (
        dbc.Badge(t("header_stale", lang), color="warning", text_color="dark", className="ms-1")
        if facts["stale"]
        else None
    )
    review = facts.get("review")
    review_badge = (
        dbc.Badge(t(f"header_review_{review}", lang), color=REVIEW_COLOURS[review])
        if review
        else html.Span(t("header_review_none", lang), className="text-secondary")
    )
    return [
        _fact(
            t("header_probability", lang), percent(facts["probability"], lang), "client-header-p"
        ),
        _fact(
            t("header_advice", lang),
            recommendation_badge(facts["recommendation"], lang, "client-header-badge"),
            "client-header-advice",
        ),
        _fact(
            t("header_data", lang),
            [freshness, fresh_mark],
            "client-header-freshness",
            **{"data-stale": "true" if facts["stale"] else "false"},
        ),
        _fact(
            t("header_review", lang),
            review_badge,
            "client-header-review",
            **{"data-review": review or "none"},
        ),
    ]


def sticky_header(client_id: str, lang: str):
    """The header's frame: the short id at once, the facts filled by the page's load."""
    return html.Div(
        [
            html.H1(
                [t("client_title", lang), " ", html.Span(client_id[:8], id="client-short-id")],
                className="h4 mb-0 me-3",
                title=client_id,
            ),
            html.Div(id="client-header-facts", className="client-facts"),
        ],
        id="client-header",
        className="client-header",
    )


def letter_controls(lang: str) -> list:
    """The letter's language and its download button (for who may write to the client)."""
    return [
        html.Div(
            [
                dbc.Label(
                    t("letter_lang_label", lang),
                    html_for="client-letter-lang",
                    className="visually-hidden",
                ),
                dbc.Select(
                    id="client-letter-lang",
                    options=[
                        {"label": t(f"letter_lang_{code}", lang), "value": code}
                        for code in LANGUAGES
                    ],
                    value=lang,
                    size="sm",
                    className="w-auto d-inline-block me-2",
                ),
                dbc.Button(
                    [
                        html.I(className="bi bi-envelope-paper me-1", **{"aria-hidden": "true"}),
                        t("letter_button", lang),
                    ],
                    id="client-letter",
                    color="outline-primary",
                    size="sm",
                ),
            ],
            className="mt-2",
        ),
        html.P(t("letter_help", lang), className="small text-secondary mb-0"),
    ]


def letter_outputs():
    """Where the letter arrives (static: a download target must exist before the click)."""
    return [
        dcc.Download(id="client-letter-download"),
        html.Div(id="client-letter-feedback", className="mt-2", role="status"),
    ]
