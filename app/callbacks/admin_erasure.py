"""Admin page, erasure (GDPR Art. 17): search, a confirmation dialogue, then the same service and
audit event as `DELETE /api/v1/clients/{id}`, with the same fresh log-in rule."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from app.callbacks.refusals import refusal_alert
from app.i18n import format_number
from app.layouts.admin_erasure import results_table
from app.services import rights
from app.services.errors import Invalid, NotFound, ServiceError
from app.services.lookup import client_id_from
from app.services.rights_search import find_for_rights
from app.texts import t
from app.web.session import is_fresh_login, session_actor, session_language


def _alert(text: str, color: str, component_id: str):
    return dbc.Alert(text, color=color, id=component_id, className="py-2")


def search(_submitted, _erased, text):
    """The clients the search designates (again after an erasure, which removes one)."""
    actor = session_actor()
    if actor is None or not text:
        raise PreventUpdate
    lang = session_language()
    try:
        matches = find_for_rights(text, actor)
    except Invalid:
        return None, _alert(t("erase_search_invalid", lang), "warning", "admin-erase-invalid")
    except ServiceError as exc:
        return None, refusal_alert(exc, lang, "admin-erase-refused")
    if not matches:
        return None, _alert(t("erase_none", lang), "secondary", "admin-erase-none")
    return results_table(matches, lang), None


def ask_erase(open_clicks, _cancel, _confirm):
    """ "Erase…" opens the dialogue naming the client and what goes with it; cancel and confirm
    close it (the erase callback acts on the confirmation)."""
    actor = session_actor()
    trigger = ctx.triggered_id
    if actor is None or trigger is None:
        raise PreventUpdate
    if trigger in ("admin-erase-cancel", "admin-erase-confirm"):
        return False, no_update, no_update, no_update
    # A new results table fires its buttons with no click (the table is always drawn anew, so
    # a click counted here is a press on one of its buttons).
    if not isinstance(trigger, dict) or not any(open_clicks or []):
        raise PreventUpdate
    lang = session_language()
    try:
        matches = find_for_rights(trigger["client"], actor)
    except ServiceError:  # not an administrator, or a forged button id: nothing to confirm
        raise PreventUpdate from None
    if not matches:
        raise PreventUpdate
    match = matches[0]
    short = match["client_id"][:8]
    body = t(
        "erase_confirm_body",
        lang,
        client=short,
        scores=format_number(match["scores"], lang),
        decisions=format_number(match["decisions"], lang),
    )
    return True, t("erase_confirm_title", lang, client=short), body, match["client_id"]


def erase(confirm_clicks, target, erased):
    actor = session_actor()
    if actor is None or not confirm_clicks or not target:
        raise PreventUpdate
    lang = session_language()
    try:
        outcome = rights.erase_client(client_id_from(target), actor, fresh_login=is_fresh_login())
    except NotFound:
        return _alert(t("erase_gone", lang), "warning", "admin-erase-gone"), no_update
    except ServiceError as exc:
        alert = refusal_alert(exc, lang, "admin-erase-refused")
        return alert or _alert(exc.message, "danger", "admin-erase-error"), no_update
    done = t("erase_done", lang, client=outcome["client_id"][:8])
    return _alert(done, "success", "admin-erase-done"), (erased or 0) + 1


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("admin-erase-results", "children"),
        Output("admin-erase-feedback", "children"),
        Input("admin-erase-form", "n_submit"),
        Input("admin-erased", "data"),
        State("admin-erase-search", "value"),
    )(search)
    dash_app.callback(
        Output("admin-erase-modal", "is_open"),
        Output("admin-erase-modal-title", "children"),
        Output("admin-erase-modal-body", "children"),
        Output("admin-erase-target", "data"),
        Input({"type": "admin-erase-open", "client": ALL}, "n_clicks"),
        Input("admin-erase-cancel", "n_clicks"),
        Input("admin-erase-confirm", "n_clicks"),
        prevent_initial_call=True,
    )(ask_erase)
    dash_app.callback(
        Output("admin-erase-outcome", "children"),
        Output("admin-erased", "data"),
        Input("admin-erase-confirm", "n_clicks"),
        State("admin-erase-target", "data"),
        State("admin-erased", "data"),
        prevent_initial_call=True,
    )(erase)
