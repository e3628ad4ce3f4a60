"""Admin page: users, the audit log (filtered, in pages, in words), what retention will purge
next."""

from __future__ import annotations

from datetime import timedelta

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, ctx, html
from dash.exceptions import PreventUpdate

from app.callbacks.refusals import refusal_alert
from app.i18n import format_days, format_number
from app.layouts.admin import action_words
from app.layouts.common import date_text
from app.models import utcnow
from app.services.administration import (
    AuditFilter,
    audit_log,
    list_users,
    retention_preview,
)
from app.services.audit import ACTIONS
from app.services.errors import ServiceError
from app.services.lookup import uuid_prefix_range
from app.texts import t
from app.web.session import session_actor, session_language

MAX_DAYS = 3650  # the days filter's bound, as the input says


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


def _refused(exc: ServiceError, lang: str):
    return refusal_alert(exc, lang, "admin-refused") or dbc.Alert(exc.message, color="danger")


def admin_tables(_load, _erased):
    """Users and what the next purge takes (again after an erasure: the counts change)."""
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    try:
        users = list_users(actor)
        purge = retention_preview(actor)
    except ServiceError as exc:
        alert = _refused(exc, lang)
        return alert, alert
    return (
        _table(
            [t("email", lang), t("role", lang), t("active", lang)],
            [
                [u["email"], t(f"role_{u['role']}", lang), "✓" if u["active"] else "✗"]
                for u in users
            ],
            "admin-users-table",
        ),
        _table(
            [t("purge_category", lang), t("purge_rule", lang), t("purge_count", lang)],
            [
                [
                    t(f"purge_{p['category']}", lang),
                    format_days(p["days"], lang) if p["days"] else t("purge_until_expiry", lang),
                    format_number(p["count"], lang),
                ]
                for p in purge
            ],
            "admin-purge-table",
        ),
    )


def audit_filter(action, client, days, page) -> AuditFilter | str:
    """The filter the controls describe, or the text key of what is wrong with them."""
    where = AuditFilter(
        action=action if isinstance(action, str) and action in ACTIONS else None, page=1
    )
    if isinstance(days, int) and not isinstance(days, bool) and 1 <= days <= MAX_DAYS:
        where.since = utcnow() - timedelta(days=days)
    elif days not in (None, ""):
        return "audit_bad_days"
    if isinstance(client, str) and client.strip():
        if uuid_prefix_range(client) is None:
            return "audit_bad_client"
        where.client_prefix = client
    elif client not in (None, ""):
        return "audit_bad_client"
    if isinstance(page, int) and not isinstance(page, bool) and page >= 1:
        where.page = page
    return where


def audit_page(action, client, days, page, _erased):
    """One page of the audit log; a new filter starts again at page 1."""
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    where = audit_filter(action, client, days, page)
    if isinstance(where, str):
        return dbc.Alert(t(where, lang), color="warning", id="admin-audit-invalid"), 1, 1
    if ctx.triggered_id != "admin-audit-pages":
        where.page = 1
    try:
        log = audit_log(actor, where)
    except ServiceError as exc:
        return _refused(exc, lang), 1, 1
    if where.page > log["pages"]:  # the log shrank under the reader (a purge): last page
        where.page = log["pages"]
        log = audit_log(actor, where)
    table = _table(
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
                action_words(e["action"], lang),
                e["actor_email"] or (e["actor_id"] or "")[:8] or t("audit_system", lang),
                html.Code(e["client_id"][:8], title=e["client_id"]) if e["client_id"] else "—",
                e["model_version"] or "—",
            ]
            for e in log["items"]
        ],
        "admin-audit-table",
    )
    summary = html.P(
        [
            t("audit_total", lang, count=format_number(log["total"], lang)),
            " · ",
            t("audit_pages", lang, page=log["page"], pages=log["pages"]),
        ],
        className="small",
        id="admin-audit-summary",
    )
    return html.Div([summary, table]), log["pages"], log["page"]


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("admin-users", "children"),
        Output("admin-purge", "children"),
        Input("admin-load", "data"),
        Input("admin-erased", "data"),
    )(admin_tables)
    dash_app.callback(
        Output("admin-audit", "children"),
        Output("admin-audit-pages", "max_value"),
        Output("admin-audit-pages", "active_page"),
        Input("admin-audit-action", "value"),
        Input("admin-audit-client", "value"),
        Input("admin-audit-days", "value"),
        Input("admin-audit-pages", "active_page"),
        Input("admin-erased", "data"),
    )(audit_page)
