"""The client page's decision form: record, confirm a repeat, cancel, and empty it after a save.

The rules (who may decide, the justification, the repeat window) are the decisions service's;
these callbacks only say its answers in the reader's language.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, html, no_update
from dash.exceptions import PreventUpdate

from app.callbacks.common import actor_and_client_id
from app.callbacks.refusals import refusal_text
from app.models.scoring import DECISIONS
from app.services import decisions
from app.services.errors import Conflict, ServiceError
from app.texts import t
from app.web.session import session_language


def _readable(justification) -> bool:
    return justification is None or (
        isinstance(justification, str) and len(justification) <= decisions.MAX_JUSTIFICATION
    )


def _decide(decision, justification, client_id: str, refresh, confirm: bool):
    """(feedback, refresh): the refresh count moves only when a decision was stored (it empties
    the form and redraws the history); a refusal or a question leaves the form as typed."""
    actor, cid = actor_and_client_id(client_id)
    lang = session_language()
    if decision not in DECISIONS:  # nothing chosen, or a value no radio button sends
        return dbc.Alert(t("decision_missing", lang), color="warning"), no_update
    try:
        decisions.record_decision(cid, actor, decision, justification, confirm=confirm)
    except Conflict as exc:
        if exc.code != "duplicate_decision":
            return dbc.Alert(exc.message, color="danger", id="client-decision-error"), no_update
        return repeat_question(decision, lang), no_update
    except ServiceError as exc:
        refused = refusal_text(exc, lang)  # the permission table's answer, as the API's 403
        if refused is None and "justification" in exc.fields and not _readable(justification):
            refused = t("justification_invalid", lang, maximum=decisions.MAX_JUSTIFICATION)
        typed = len(justification.strip()) if isinstance(justification, str) else 0
        minimum = decisions.justification_min_length()
        if refused is None and "justification" in exc.fields and typed < minimum:
            refused = t("justification_too_short", lang, minimum=minimum, length=typed)
        text = refused or exc.message
        return dbc.Alert(text, color="danger", id="client-decision-error"), no_update
    if not isinstance(refresh, int) or isinstance(refresh, bool) or not 0 <= refresh < 2**31:
        refresh = 0  # a counter the page keeps: anything else was forged
    ok = dbc.Alert(t("decision_recorded", lang), color="success", id="client-decision-ok")
    return ok, refresh + 1


def repeat_question(decision: str, lang: str):
    """The same decision moments ago: stored again only on a second, deliberate click."""
    minutes = int(decisions.repeat_window().total_seconds() // 60)
    return dbc.Alert(
        [
            html.P(
                t(
                    "decision_repeat_text",
                    lang,
                    outcome=t(f"outcome_{decision}", lang),
                    minutes=minutes,
                ),
                className="mb-2",
            ),
            dbc.Button(
                t("decision_repeat_confirm", lang),
                id="client-decision-confirm",
                color="warning",
                size="sm",
                className="me-2",
            ),
            dbc.Button(
                t("decision_repeat_cancel", lang),
                id="client-decision-cancel",
                color="outline-secondary",
                size="sm",
            ),
        ],
        color="warning",
        id="client-decision-repeat",
        className="py-2",
    )


def record(clicks, decision: str | None, justification: str | None, client_id: str, refresh):
    if not clicks:  # the form was just drawn (client_actions), not pressed
        raise PreventUpdate
    return _decide(decision, justification, client_id, refresh, confirm=False)


def confirm_record(clicks, decision, justification, client_id: str, refresh):
    if not clicks:
        raise PreventUpdate
    return _decide(decision, justification, client_id, refresh, confirm=True)


def cancel_repeat(clicks):
    if not clicks:
        raise PreventUpdate
    return dbc.Alert(t("decision_repeat_cancelled", session_language()), color="secondary")


def reset_form(refresh):
    """After a stored decision the form is empty again: no choice, no justification."""
    if not refresh:
        raise PreventUpdate
    return None, ""


def register(dash_app: Dash) -> None:
    form = (
        State("client-decision", "value"),
        State("client-justification", "value"),
        State("client-id", "data"),
        State("client-refresh", "data"),
    )
    dash_app.callback(
        Output("client-decision-feedback", "children", allow_duplicate=True),
        Output("client-refresh", "data", allow_duplicate=True),
        Input("client-decision-submit", "n_clicks"),
        *form,
        running=[(Output("client-decision-submit", "disabled"), True, False)],
        prevent_initial_call=True,
    )(record)
    dash_app.callback(
        Output("client-decision-feedback", "children", allow_duplicate=True),
        Output("client-refresh", "data", allow_duplicate=True),
        Input("client-decision-confirm", "n_clicks"),
        *form,
        prevent_initial_call=True,
    )(confirm_record)
    dash_app.callback(
        Output("client-decision-feedback", "children", allow_duplicate=True),
        Input("client-decision-cancel", "n_clicks"),
        prevent_initial_call=True,
    )(cancel_repeat)
    dash_app.callback(
        Output("client-decision", "value"),
        Output("client-justification", "value"),
        Input("client-refresh", "data"),
        prevent_initial_call=True,
    )(reset_form)
