"""Admin page: users, the filtered audit log, and what retention will purge next."""

from __future__ import annotations

import uuid
from datetime import timedelta

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, html
from dash.exceptions import PreventUpdate

from app.callbacks.refusals import refusal_alert
from app.i18n import format_number
from app.layouts.common import ALL, date_text
from app.models import utcnow
from app.services.administration import AuditFilter, audit_log, list_users, retention_preview
from app.services.errors import ServiceError
from app.texts import t
from app.web.session import session_actor, session_language


def _table(header: list[str], rows: list[list], table_id: str):
    return dbc.Table(
        [
            html.Thead(html.Tr([html.Th(h) for h in header])),
            html.Tbody([html.Tr([html.Td(c) for c in row]) for row in rows]),
        ],
        size="sm",
        striped=True,
        responsive=True,
        id=table_id,
    )


def admin_tables(action: str | None, client: str | None, days: int | None):
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    where = AuditFilter(
        action=None if action in (None, "", ALL) else action,
        since=utcnow() - timedelta(days=days) if days else None,
    )
    if client:
        try:
            where.client_id = uuid.UUID(client.strip())
        except ValueError:
            alert = dbc.Alert(t("audit_bad_uuid", lang), color="warning")
            return alert, alert, alert
    try:
        users = list_users(actor)
        log = audit_log(actor, where)
        purge = retention_preview(actor)
    except ServiceError as exc:
        alert = refusal_alert(exc, lang, "admin-refused") or dbc.Alert(exc.message, color="danger")
        return alert, alert, alert
    return (
        _table(
            [t("email", lang), t("role", lang), t("active", lang)],
            [
                [u["email"], t(f"role_{u['role']}", lang), "✓" if u["active"] else "✗"]
                for u in users
            ],
            "admin-users-table",
        ),
        html.Div(
            [
                html.P(
                    t("audit_total", lang, count=format_number(log["total"], lang)),
                    className="small",
                ),
                _table(
                    [
                        t("when", lang),
                        t("audit_action", lang),
                        t("audit_actor", lang),
                        t("audit_client", lang),
                        t("model_version", lang),
                    ],
                    [
                        [
                            date_text(e["created_at"], lang) + " " + e["created_at"][11:19],
                            e["action"],
                            (e["actor_id"] or "—")[:8],
                            e["client_id"] or "—",
                            e["model_version"] or "—",
                        ]
                        for e in log["items"]
                    ],
                    "admin-audit-table",
                ),
            ]
        ),
        _table(
            [t("purge_category", lang), t("purge_rule", lang), t("purge_count", lang)],
            [
                [
                    t(f"purge_{p['category']}", lang),
                    t("days", lang, days=p["days"]) if p["days"] else t("purge_until_expiry", lang),
                    format_number(p["count"], lang),
                ]
                for p in purge
            ],
            "admin-purge-table",
        ),
    )


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("admin-users", "children"),
        Output("admin-audit", "children"),
        Output("admin-purge", "children"),
        Input("admin-audit-action", "value"),
        Input("admin-audit-client", "value"),
        Input("admin-audit-days", "value"),
    )(admin_tables)
