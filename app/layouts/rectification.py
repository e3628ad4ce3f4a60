"""The client page's rectification form (GDPR Art. 16): the adviser corrects the five features
in the reader's number format; the stale-data alert links to it (pure trees)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app.feature_text import MAX_INPUT_LENGTH, input_text
from app.texts import t
from modelling.features import FEATURES

FORM_ANCHOR = "client-rectify-age"  # a field inside the folded form: following it unfolds it


def rectification_form(values: dict, lang: str):
    """The five features, typed in the reader's format and checked as the API checks them;
    folded until the adviser opens it (or follows the stale-data alert's link)."""
    fields = [
        dbc.Col(
            [
                dbc.Label(f.label(lang), html_for=f"client-rectify-{f.name}", className="small"),
                dbc.Input(
                    id=f"client-rectify-{f.name}",
                    type="text",
                    inputMode="decimal",
                    value=input_text(f, values[f.name], lang),
                    maxLength=MAX_INPUT_LENGTH,
                    size="sm",
                ),
            ],
            xs=6,
            md=4,
            className="mb-2",
        )
        for f in FEATURES
    ]
    return html.Details(
        [
            html.Summary(t("rectify_open", lang), className="small fw-semibold"),
            html.P(t("rectify_help", lang), className="small text-secondary mt-2 mb-2"),
            dbc.Row(fields, className="g-2"),
            dbc.Button(
                t("rectify_submit", lang),
                id="client-rectify-submit",
                color="primary",
                size="sm",
                className="mt-1",
            ),
        ],
        id="client-rectify-details",
        className="mt-2",
    )


def rectify_link(lang: str):
    """The stale-data alert's way to the form (a fragment link to one of its fields)."""
    return html.Div(
        html.A(
            [
                html.I(className="bi bi-pencil-square me-1", **{"aria-hidden": "true"}),
                t("rectify_link", lang),
            ],
            href=f"#{FORM_ANCHOR}",
            id="client-stale-rectify",
            className="alert-link",
        ),
        className="mt-1",
    )


def rectify_errors(messages: list[str], lang: str):
    """Each broken rule in the reader's language, the field named in it."""
    return dbc.Alert(
        [
            html.Strong(t("rectify_invalid", lang)),
            html.Ul([html.Li(m) for m in messages], className="mb-0"),
        ],
        color="danger",
        id="client-rectify-invalid",
        className="py-2 mb-0",
    )
