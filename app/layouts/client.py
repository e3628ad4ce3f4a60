"""Page 2, one client: the advice at the top, then why, how the client compares, the decision.

Client elements are grouped together; the model's global view lives on the Model page.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.layouts.client_header import letter_controls, letter_outputs, sticky_header
from app.layouts.common import card
from app.texts import t

DECISIONS = ("approve", "decline", "refer")


def advice(lang: str):
    return card(
        t("advice_title", lang),
        [
            # Hidden while the model is switched off: the card below says so instead.
            html.Div(
                dcc.Graph(id="client-gauge", config={"displayModeBar": False}),
                id="client-gauge-box",
            ),
            html.Div(id="client-model-off"),
            html.Div(id="client-recommendation", className="text-center mb-2"),
            html.P(id="client-threshold", className="small text-secondary text-center mb-0"),
        ],
        "client-advice-card",
        "bi-speedometer2",
    )


def client_card(lang: str):
    return card(
        t("client_card_title", lang),
        [
            html.Div(id="client-stale-alert"),
            html.Div(id="client-features"),
            # The rectification form, drawn by a callback for who may rectify (rectification.py).
            html.Div(id="client-rectify"),
            html.Div(id="client-rectify-feedback", className="mt-2", role="status"),
            html.Div(id="client-review-request", className="mt-2", role="status"),
            # Drawn by a callback with only the actions the reader may perform (rights_actions).
            html.Div(id="client-rights-actions", className="mt-2"),
            dcc.Download(id="client-export-download"),
            html.Div(id="client-export-feedback", className="mt-2", role="status"),
            *letter_outputs(),
        ],
        "client-card",
        "bi-person-vcard",
    )


def rights_actions(lang: str, allowed: frozenset[str], review_open: bool = False):
    """The review-request and export buttons, each only for a reader who may use it; the
    request button is disabled while the client's request is open."""
    buttons = []
    if "request_review" in allowed:
        # The client's point of view goes with the request, to the reviewer (issue 13 §1).
        buttons.append(
            dbc.Label(
                t("review_client_view_label", lang),
                html_for="client-review-view",
                className="small mb-0",
            )
        )
        buttons.append(
            dbc.Input(
                id="client-review-view",
                type="text",
                maxLength=2000,
                size="sm",
                placeholder=t("review_client_view_placeholder", lang),
                className="mb-1",
            )
        )
        buttons.append(
            dbc.Button(
                [
                    html.I(className="bi bi-person-raised-hand me-1", **{"aria-hidden": "true"}),
                    t("review_record", lang),
                ],
                id="client-review-record",
                disabled=review_open,
                color="outline-secondary",
                size="sm",
                className="me-2 mb-1",
            )
        )
    if "export" in allowed:
        buttons.append(
            dbc.Button(
                [
                    html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}),
                    t("export_button", lang),
                ],
                id="client-export",
                color="outline-primary",
                size="sm",
                className="mb-1",
            )
        )
        buttons.append(html.P(t("export_help", lang), className="small text-secondary mb-0"))
    if "letter" in allowed:
        buttons += letter_controls(lang)
    return buttons


def explanation(lang: str, client_id: str):
    return card(
        t("why_title", lang),
        [
            html.P(t("why_help", lang), className="small text-secondary"),
            dcc.Graph(id="client-contributions", config={"displayModeBar": False}),
            html.Div(id="client-contribution-list"),
            html.H3(t("reasons_title", lang), className="h6 mt-3"),
            html.Ul(id="client-reasons"),
            html.Div(id="client-counterfactual", className="alert alert-light border"),
            dcc.Link(
                [html.I(className="bi bi-sliders me-1"), t("open_simulator", lang)],
                href=f"/simulator?client={client_id}",
                id="client-simulator-link",
            ),
        ],
        "client-why-card",
        "bi-bar-chart",
    )


def cohorts(lang: str):
    return card(
        t("cohort_title", lang),
        [
            html.P(t("cohort_help", lang), className="small text-secondary"),
            html.Div(id="client-cohorts"),
            dcc.Graph(id="client-distribution", config={"displayModeBar": False}),
        ],
        "client-cohort-card",
        "bi-people",
    )


def decision_form(lang: str, choices: tuple[str, ...] = DECISIONS) -> list:
    """The decision's fields, drawn only for a reader who may decide on this client (a
    supervisor's review offers approve and decline only)."""
    return [
        html.Fieldset(
            [
                html.Legend(t("decision_legend", lang), className="small fw-semibold mb-1"),
                dbc.RadioItems(
                    id="client-decision",
                    name="client-decision",  # one radio group: Tab leaves it, arrows move in it
                    options=[{"label": t(f"decision_{d}", lang), "value": d} for d in choices],
                    inline=True,
                    className="mb-2",
                ),
            ]
        ),
        dbc.Label(t("justification", lang), html_for="client-justification", className="small"),
        dbc.Textarea(
            id="client-justification",
            rows=3,
            maxLength=2000,
            placeholder=t("justification_placeholder", lang),
        ),
        dbc.Button(
            t("record_decision", lang),
            id="client-decision-submit",
            color="primary",
            className="mt-2",
        ),
    ]


def decision_not_offered(lang: str):
    """What a supervisor sees instead of the form on a client outside the review queue."""
    return html.P(t("decision_not_offered", lang), className="small text-secondary mb-0")


def decision_panel(lang: str):
    return card(
        t("decision_title", lang),
        [
            # The decision in force (what, by whom, when), redrawn with the history.
            html.Div(id="client-current-decision", role="status"),
            # Drawn by a callback: decision_form for a reader who may decide, else nothing.
            html.Div(id="client-decision-form"),
            html.Div(id="client-decision-feedback", className="mt-2", role="status"),
        ],
        "client-decision-card",
        "bi-clipboard-check",
    )


def history_card(lang: str):
    """Scores, decisions and review requests, newest first (beside the main column's cards:
    the decision column stays short enough to be in view)."""
    body = html.Div(id="client-history")
    return card(t("history_title", lang), body, "client-history-card", "bi-clock-history")


def model_off_card(lang: str):
    """Said instead of a gauge while an administrator has switched the model off."""
    return dbc.Alert(
        [
            html.H3(
                [
                    html.I(className="bi bi-power me-2", **{"aria-hidden": "true"}),
                    t("model_off_title", lang),
                ],
                className="h5 alert-heading",
            ),
            html.P(t("model_off_text", lang), className="mb-0"),
        ],
        color="secondary",
        id="client-model-off-card",
    )


def not_found(lang: str, **_):
    """An unknown client, or one outside the reader's portfolio (the two look the same)."""
    return html.Div(
        [
            html.H1(t("client_title", lang), className="h3 mb-3"),
            dbc.Alert(
                [
                    html.I(className="bi bi-person-x me-2", **{"aria-hidden": "true"}),
                    t("client_not_found", lang),
                ],
                color="secondary",
                id="client-not-found",
            ),
            dcc.Link(t("back_to_portfolio", lang), href="/", id="client-back"),
        ]
    )


def layout(lang: str, user, query: dict, client_id: str, **_):
    return html.Div(
        [
            dcc.Store(id="client-id", data=client_id.lower()),
            dcc.Store(id="client-refresh", data=0),
            dcc.Store(id="client-rectified", data=0),  # counts rectifications: redraw the page
            # Stays at the top while the page scrolls (assets/theme/client.css).
            sticky_header(client_id.lower(), lang),
            html.Div(id="client-error"),
            # Shown once the client is loaded; a client erased meanwhile removes it. Invisible, not
            # hidden, while it loads: the charts are sized for the place they will be shown in.
            html.Div(
                [
                    # The decision beside the advice, in reach without scrolling on a 1366 x 768
                    # screen; it stays in view below the header while the left column scrolls.
                    dbc.Row(
                        [
                            dbc.Col(
                                [
                                    # The banner only while the model advises (the load fills
                                    # it); in this column, so the decision column starts higher.
                                    html.Div(id="client-aid"),
                                    dbc.Row(
                                        [
                                            dbc.Col(advice(lang), xl=6),
                                            dbc.Col(client_card(lang), xl=6),
                                        ]
                                    ),
                                    explanation(lang, client_id.lower()),
                                    cohorts(lang),
                                    history_card(lang),
                                ],
                                lg=8,
                            ),
                            dbc.Col(decision_panel(lang), lg=4, className="client-aside"),
                        ]
                    ),
                ],
                id="client-body",
                style={"visibility": "hidden"},
            ),
        ]
    )
