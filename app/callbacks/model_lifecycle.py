"""The model page's approval section and the unapproved-model banner (issue 12 §1, §4).

Every reader sees each version's role and approval; an administrator approves, activates and
sets or stops the challenger, each after a confirmation, through services/lifecycle (the same
use cases as the API and the command line, which check the role and the fresh log-in).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from app.callbacks.refusals import refusal_alert
from app.layouts.model_lifecycle import (
    ACTIONS,
    not_approved_banner,
    section_body,
    section_frame,
)
from app.services import catalogue, lifecycle, permissions
from app.services.errors import Invalid, ServiceError
from app.services.models import model_service
from app.texts import t
from app.web.session import is_fresh_login, session_actor, session_language

BUTTONS = {f"model-lc-{action.replace('_', '-')}": action for action in ACTIONS}
KNOWN_CODES = ("not_approved", "already_approved", "already_active", "model_unusable", "not_found")


def _actor():
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    return actor


def frame(_load):
    actor = _actor()
    return section_frame(
        catalogue.versions(),
        _challenger_for(actor),
        session_language(),
        permissions.allowed(actor, "approve_model"),
    )


def body(_changed):
    """The table again after a change (the first drawing is the frame's)."""
    actor = _actor()
    return section_body(catalogue.versions(), _challenger_for(actor), session_language())


def _challenger_for(actor) -> str | None:
    """The challenger is named to those who read its report (supervisors, admins), not
    advisers."""
    return lifecycle.choice()["challenger"] if permissions.allowed(actor, "backtest") else None


def ask(*args):
    """A press on an action opens the dialogue saying what will happen; cancel and confirm
    close it (`act` acts on the confirmation)."""
    _actor()
    clicks = dict(zip((*BUTTONS, "model-lc-cancel", "model-lc-confirm"), args[:-1], strict=True))
    version = args[-1]
    if not clicks.get(ctx.triggered_id):  # rendering a button is not a press
        raise PreventUpdate
    if ctx.triggered_id in ("model-lc-cancel", "model-lc-confirm"):
        return False, no_update, no_update, no_update, no_update
    lang, action = session_language(), BUTTONS[ctx.triggered_id]
    try:  # only a version id goes back to the page (the service refuses the rest by name)
        version = lifecycle.check_version(version)
    except Invalid:
        version = None
    return (
        True,
        t(f"lc_confirm_{action}", lang, version=version or "—"),
        t("lc_confirm", lang),
        t("lc_cancel", lang),
        {"action": action, "version": version},
    )


def act(confirm_clicks, pending, note, reference, changed):
    """Perform the confirmed action; say what was done or why not, in the reader's language."""
    actor = _actor()
    if not confirm_clicks or not isinstance(pending, dict) or pending.get("action") not in ACTIONS:
        raise PreventUpdate
    if not isinstance(changed, int) or isinstance(changed, bool) or not 0 <= changed < 2**31:
        changed = 0  # a counter the page keeps: anything else was forged
    lang, action, version = session_language(), pending["action"], pending.get("version")
    try:
        if action == "approve":
            lifecycle.approve(version, actor, note, reference, fresh_login=is_fresh_login())
        elif action == "activate":
            lifecycle.activate(version, actor)
        elif action == "challenger":
            lifecycle.set_challenger(version, actor)
        else:
            lifecycle.stop_challenger(actor)
    except ServiceError as exc:
        return _refusal(exc, lang), no_update
    done = dbc.Alert(
        t(f"lc_done_{action}", lang, version=version),
        color="success",
        className="py-2 mt-2",
        id="model-lc-done",
    )
    return done, changed + 1


def _refusal(exc: ServiceError, lang: str):
    alert = refusal_alert(exc, lang, "model-lc-refused")
    if alert is not None:
        return alert
    if isinstance(exc, Invalid) and exc.fields:
        text = t(f"lc_error_{next(iter(exc.fields))}", lang)
    elif exc.code in KNOWN_CODES:
        text = t(f"lc_error_{exc.code}", lang)
    else:
        text = exc.message
    return dbc.Alert(text, color="danger", className="py-2 mt-2", id="model-lc-error")


def banner(_pathname):
    """On every page while the served version lacks the approval production requires."""
    _actor()
    service = model_service()
    if service.model is None or service.servable:
        return None
    return not_approved_banner(session_language())


def register(dash_app: Dash) -> None:
    dash_app.callback(Output("model-approval", "children"), Input("model-load", "data"))(frame)
    dash_app.callback(
        Output("model-lc-body", "children"),
        Input("model-lc-changed", "data"),
        prevent_initial_call=True,
    )(body)
    dash_app.callback(
        Output("model-lc-modal", "is_open"),
        Output("model-lc-modal-body", "children"),
        Output("model-lc-confirm", "children"),
        Output("model-lc-cancel", "children"),
        Output("model-lc-pending", "data"),
        *(Input(button, "n_clicks") for button in BUTTONS),
        Input("model-lc-cancel", "n_clicks"),
        Input("model-lc-confirm", "n_clicks"),
        State("model-lc-version", "value"),
    )(ask)
    dash_app.callback(
        Output("model-lc-feedback", "children"),
        Output("model-lc-changed", "data"),
        Input("model-lc-confirm", "n_clicks"),
        State("model-lc-pending", "data"),
        State("model-lc-note", "value"),
        State("model-lc-reference", "value"),
        State("model-lc-changed", "data"),
    )(act)
    dash_app.callback(Output("model-approval-banner", "children"), Input("url", "pathname"))(banner)
