"""Client page, rights: the JSON export (Art. 15) and the human-review request (Art. 22)."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from app.callbacks.common import actor_and_client_id
from app.callbacks.refusals import refusal_alert
from app.layouts.common import date_text
from app.services import reviews, rights
from app.services.errors import ServiceError
from app.texts import t
from app.web.session import is_fresh_login, session_language


def export(clicks, client_id: str):
    """The same document as GET /api/v1/clients/{id}/export, as a file download (audited).

    The service asks what the API asks: the role, a fresh log-in (FRESH_LOGIN_MINUTES) and the
    RATELIMIT_EXPORT budget shared with the API; a refusal is shown, never a silent no-op."""
    actor, cid = actor_and_client_id(client_id)
    if not clicks:  # rendered, not pressed
        raise PreventUpdate
    lang = session_language()
    try:
        document = rights.export_client(cid, actor, fresh_login=is_fresh_login())
    except ServiceError as exc:
        alert = refusal_alert(exc, lang, "client-export-refused")
        return None, alert or dbc.Alert(exc.message, color="danger", id="client-export-refused")
    text = json.dumps(document, ensure_ascii=False, indent=2)
    download = dcc.send_string(text, filename=f"client-{cid}.json", type="application/json")
    return download, None


def review_notice(requested, lang: str):
    """The open request, shown until a supervisor answers; None when there is none."""
    if requested is None:
        return None
    return dbc.Alert(
        [
            html.I(className="bi bi-person-raised-hand me-2", **{"aria-hidden": "true"}),
            t("review_requested", lang, date=date_text(requested, lang)),
        ],
        color="primary",
        className="py-2 mb-0",
        id="client-review-open",
    )


def review_status(client_id: str, _refresh=None):
    """On each load and refresh of the page: the client's open request, if any.

    Its own callback, apart from the button's: the button is drawn later (client_actions), and
    Dash refuses a callback whose inputs are only partly on the page."""
    actor, cid = actor_and_client_id(client_id)
    try:
        requested = rights.review_requested_at(cid, actor)
    except ServiceError as exc:
        return refusal_alert(exc, session_language(), "client-review-refused")
    return review_notice(requested, session_language())


def record_review(clicks, client_view, client_id: str):
    """The button pressed: record the request with the client's point of view if typed
    (services/reviews), then show it and disable the button."""
    if not clicks:  # rendered, not pressed
        raise PreventUpdate
    actor, cid = actor_and_client_id(client_id)
    lang = session_language()
    try:
        rights.request_review(cid, actor, client_view or None)
        requested = rights.review_requested_at(cid, actor)
    except ServiceError as exc:
        if "client_view" in exc.fields:  # a forged or over-long point of view
            maximum = reviews.MAX_CLIENT_VIEW
            text = t("review_client_view_invalid", lang, maximum=maximum)
            return dbc.Alert(text, color="warning", id="client-review-refused"), False
        return refusal_alert(exc, lang, "client-review-refused"), True
    return review_notice(requested, lang), requested is not None


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("client-export-download", "data"),
        Output("client-export-feedback", "children"),
        Input("client-export", "n_clicks"),
        State("client-id", "data"),
        prevent_initial_call=True,
    )(export)
    dash_app.callback(
        Output("client-review-request", "children"),
        Input("client-id", "data"),
        Input("client-refresh", "data"),
    )(review_status)
    dash_app.callback(
        Output("client-review-request", "children", allow_duplicate=True),
        Output("client-review-record", "disabled"),
        Input("client-review-record", "n_clicks"),
        State("client-review-view", "value"),
        State("client-id", "data"),
        prevent_initial_call=True,
    )(record_review)
