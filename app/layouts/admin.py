"""Page 6, administration (admin role): users, the audit log with filters, the next purge."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app.layouts.common import ALL, card, page_header
from app.services.audit import ACTIONS
from app.texts import t


def audit_filters(lang: str):
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
                        options=[{"label": t("filter_all", lang), "value": ALL}]
                        + [{"label": a, "value": a} for a in sorted(ACTIONS)],
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
                        id="admin-audit-client", size="sm", debounce=True, placeholder="UUID"
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


def layout(lang: str, user, query: dict, **_):
    return html.Div(
        [
            page_header(t("admin_title", lang), t("admin_subtitle", lang), "admin"),
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
                ],
                "admin-model-card",
                "bi-toggle-on",
            ),
            card(
                t("users_title", lang), html.Div(id="admin-users"), "admin-users-card", "bi-people"
            ),
            card(
                t("audit_title", lang),
                [audit_filters(lang), html.Div(id="admin-audit")],
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
