"""Page 6, administration (admin role): the model switch, erasure of a client, users, the audit
log with filters and pages, the next purge. Every irreversible or far-reaching press asks first."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.layouts.admin_erasure import erasure_card
from app.layouts.admin_jobs import jobs_card
from app.layouts.common import ALL, card, page_header
from app.models.audit import ACTIONS
from app.texts import FR as _FR
from app.texts import t


def model_off_banner(lang: str):
    """On every page while an administrator has switched the model off (AI Act Art. 14)."""
    return dbc.Alert(
        [
            html.I(className="bi bi-sign-stop me-2", **{"aria-hidden": "true"}),
            t("model_off_banner", lang),
        ],
        color="danger",
        className="py-2 mb-0",
        id="model-off-alert",
    )


def action_words(action: str, lang: str) -> str:
    """An audit action in words ("Effacement (art. 17)"); the code itself if words are missing."""
    return t(f"audit_action_{action}", lang) if f"audit_action_{action}" in _FR else action


def audit_filters(lang: str):
    actions = sorted(
        ({"label": action_words(a, lang), "value": a} for a in ACTIONS),
        key=lambda option: option["label"],
    )
    return dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(
                        t("audit_action", lang), html_for="admin-audit-action", className="small"
                    ),
                    dbc.Select(
                        id="admin-audit-action",
                        size="sm",
                        value=ALL,
                        options=[{"label": t("filter_all", lang), "value": ALL}, *actions],
                    ),
                ],
                md=4,
            ),
            dbc.Col(
                [
                    dbc.Label(
                        t("audit_client", lang), html_for="admin-audit-client", className="small"
                    ),
                    dbc.Input(
                        id="admin-audit-client",
                        size="sm",
                        debounce=True,
                        placeholder=t("audit_client_placeholder", lang),
                    ),
                ],
                md=5,
            ),
            dbc.Col(
                [
                    dbc.Label(
                        t("audit_days", lang), html_for="admin-audit-days", className="small"
                    ),
                    dbc.Input(
                        id="admin-audit-days",
                        type="number",
                        min=1,
                        max=3650,
                        size="sm",
                        debounce=True,
                    ),
                ],
                md=3,
            ),
        ],
        className="mb-2",
    )


def switch_dialogue(lang: str):
    """Asked before the model is switched: what changes for every adviser, and who is named."""
    return html.Div(
        [
            dbc.Modal(
                [
                    dbc.ModalHeader(dbc.ModalTitle(id="admin-switch-modal-title")),
                    dbc.ModalBody(id="admin-switch-modal-body"),
                    dbc.ModalFooter(
                        [
                            dbc.Button(
                                t("cancel", lang),
                                id="admin-switch-cancel",
                                color="secondary",
                                outline=True,
                            ),
                            dbc.Button(id="admin-switch-confirm", color="danger"),
                        ]
                    ),
                ],
                id="admin-switch-modal",
                is_open=False,
                centered=True,
            ),
            dcc.Store(id="admin-switch-target"),  # the state the open dialogue would set
        ]
    )


def layout(lang: str, user, query: dict, **_):
    return html.Div(
        [
            page_header(t("admin_title", lang), t("admin_subtitle", lang), "admin"),
            dcc.Store(id="admin-load", data=1),
            card(
                t("switch_title", lang),
                [
                    html.Div(id="admin-model-status", role="status"),
                    dbc.Button(
                        t("switch_turn_off", lang),
                        id="admin-model-off",
                        color="danger",
                        size="sm",
                        className="me-2",
                    ),
                    dbc.Button(
                        t("switch_turn_on", lang), id="admin-model-on", color="success", size="sm"
                    ),
                    switch_dialogue(lang),
                ],
                "admin-model-card",
                "bi-toggle-on",
            ),
            erasure_card(lang),
            jobs_card(lang),
            card(
                t("users_title", lang), html.Div(id="admin-users"), "admin-users-card", "bi-people"
            ),
            card(
                t("audit_title", lang),
                [
                    audit_filters(lang),
                    html.Div(id="admin-audit"),
                    dbc.Pagination(
                        id="admin-audit-pages",
                        max_value=1,
                        active_page=1,
                        fully_expanded=False,
                        first_last=True,
                        previous_next=True,
                        size="sm",
                    ),
                ],
                "admin-audit-card",
                "bi-journal-text",
            ),
            card(
                t("purge_title", lang),
                [
                    html.Div(id="admin-purge"),
                    html.P(t("purge_schedule", lang), className="small text-secondary mb-0"),
                ],
                "admin-purge-card",
                "bi-trash3",
            ),
        ]
    )
