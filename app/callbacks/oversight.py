"""Human oversight (AI Act Art. 14): the banner on every page while the model is switched off,
and the admin's switch, which asks for a confirmation first."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate

from app.callbacks.refusals import refusal_alert
from app.layouts.admin import model_off_banner
from app.layouts.common import date_text
from app.services import oversight
from app.services.errors import ServiceError
from app.texts import t
from app.web.session import session_actor, session_language


def banner(_pathname, _changed):
    if session_actor() is None:
        raise PreventUpdate
    if oversight.model_enabled():
        return None
    return model_off_banner(session_language())


def ask_switch(off_clicks, on_clicks, cancel_clicks, confirm_clicks):
    """A press on "switch off" or "back on" only opens the dialogue that says what will change;
    "cancel" and "confirm" close it (the switch callback acts on the confirmation)."""
    if session_actor() is None:
        raise PreventUpdate
    lang = session_language()
    # Dash also names a button as trigger when the page first renders it: a real press is one
    # with clicks.
    pressed = {
        "admin-model-off": off_clicks,
        "admin-model-on": on_clicks,
        "admin-switch-cancel": cancel_clicks,
        "admin-switch-confirm": confirm_clicks,
    }
    if not pressed.get(ctx.triggered_id):
        raise PreventUpdate
    if ctx.triggered_id in ("admin-switch-cancel", "admin-switch-confirm"):
        return False, no_update, no_update, no_update, no_update, no_update
    enable = ctx.triggered_id == "admin-model-on"
    word = "on" if enable else "off"
    return (
        True,
        t(f"switch_confirm_{word}_title", lang),
        t(f"switch_confirm_{word}_body", lang),
        t(f"switch_confirm_{word}", lang),
        "success" if enable else "danger",
        enable,
    )


def switch(confirm_clicks, target, changed):
    """Set the state the dialogue asked about once it is confirmed; always show the current
    state, named by the administrator's e-mail."""
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    if not isinstance(changed, int) or isinstance(changed, bool) or not 0 <= changed < 2**31:
        changed = 0  # a counter the page keeps: anything else was forged
    bumped = changed
    try:
        if (
            ctx.triggered_id == "admin-switch-confirm"
            and confirm_clicks
            and target
            in (
                True,
                False,
            )
        ):
            state = oversight.set_model_enabled(target, actor)
            bumped = (changed or 0) + 1
        else:
            state = oversight.switch_status(actor)
    except ServiceError as exc:
        alert = refusal_alert(exc, lang, "admin-model-refused")
        return alert or dbc.Alert(exc.message, color="danger"), True, True, changed
    lines = [t("switch_on_status" if state["enabled"] else "switch_off_status", lang)]
    if state["changed_at"]:
        lines.append(
            " "
            + t(
                "switch_changed",
                lang,
                date=date_text(state["changed_at"], lang) + " " + state["changed_at"][11:16],
                actor=state["changed_by_email"] or "—",
            )
        )
    status = html.P(
        lines,
        id="admin-model-state",
        className="mb-2",
        **{"data-enabled": str(state["enabled"]).lower()},
    )
    # "Switch off" is disabled while off, "back on" while on.
    return status, not state["enabled"], state["enabled"], bumped


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("model-off-banner", "children"),
        Input("url", "pathname"),
        Input("model-switch-changed", "data"),
    )(banner)
    dash_app.callback(
        Output("admin-switch-modal", "is_open"),
        Output("admin-switch-modal-title", "children"),
        Output("admin-switch-modal-body", "children"),
        Output("admin-switch-confirm", "children"),
        Output("admin-switch-confirm", "color"),
        Output("admin-switch-target", "data"),
        Input("admin-model-off", "n_clicks"),
        Input("admin-model-on", "n_clicks"),
        Input("admin-switch-cancel", "n_clicks"),
        Input("admin-switch-confirm", "n_clicks"),
    )(ask_switch)
    dash_app.callback(
        Output("admin-model-status", "children"),
        Output("admin-model-off", "disabled"),
        Output("admin-model-on", "disabled"),
        Output("model-switch-changed", "data"),
        Input("admin-switch-confirm", "n_clicks"),
        State("admin-switch-target", "data"),
        State("model-switch-changed", "data"),
    )(switch)
