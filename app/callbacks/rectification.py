"""Client page, rectification (GDPR Art. 16): the form for who may rectify, and its submission.

The typed values are read in the reader's format and checked by the feature schema's rules
(app/feature_text: each message names the field and the rule); the correction and the new score
are the service's (services/rectification: the PATCH use case, then one score per state). A
success bumps `client-rectified`, which redraws the page with the new data and score.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from app.callbacks.common import actor_and_client_id
from app.callbacks.refusals import refusal_alert
from app.feature_text import read_features
from app.layouts.common import date_text
from app.layouts.rectification import rectification_form, rectify_errors
from app.services import permissions, portfolio
from app.services.errors import Invalid, ServiceError
from app.services.rectification import rectify_and_rescore
from app.texts import t
from app.web.session import session_language
from modelling.features import BY_NAME, FEATURE_NAMES


def draw_form(client_id: str, _rectified=None):
    """The form, prefilled with the client's data, for who may rectify; nothing otherwise."""
    actor, cid = actor_and_client_id(client_id)
    if "rectify" not in permissions.actions_on(cid, actor):
        return None
    values = portfolio.visible_client(cid, actor).features()
    return rectification_form(values, session_language())


def _counter(value) -> int:
    """The page's rectification counter, taken only as the small integer it keeps."""
    return (
        value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**6
        else 0
    )


def submit(clicks, client_id: str, rectified, *typed):
    actor, cid = actor_and_client_id(client_id)
    if not clicks:
        raise PreventUpdate
    rectified = _counter(rectified)  # never echo back what a forged request sent
    lang = session_language()
    values, messages = read_features(dict(zip(FEATURE_NAMES, typed, strict=True)), lang)
    if messages:
        return rectify_errors(
            [messages[name] for name in FEATURE_NAMES if name in messages], lang
        ), rectified
    try:
        scored = rectify_and_rescore(cid, actor, values, lang)
    except Invalid as exc:  # the service's own check (a value forged past the page's)
        lines = [
            f"{BY_NAME[f].label(lang) if f in BY_NAME else f} : {rule}"
            for f, rule in exc.fields.items()
        ]
        return rectify_errors(lines, lang), rectified
    except ServiceError as exc:
        alert = refusal_alert(exc, lang, "client-rectify-refused")
        return alert or dbc.Alert(
            exc.message, color="danger", id="client-rectify-refused"
        ), rectified
    done = dbc.Alert(
        [
            html.I(className="bi bi-check-circle me-2", **{"aria-hidden": "true"}),
            t("rectify_done", lang, date=date_text(scored["data_updated_at"], lang)),
        ],
        color="success",
        id="client-rectify-done",
        className="py-2 mb-0",
    )
    return done, rectified + 1


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("client-rectify", "children"),
        Input("client-id", "data"),
        Input("client-rectified", "data"),
    )(draw_form)
    dash_app.callback(
        Output("client-rectify-feedback", "children"),
        Output("client-rectified", "data"),
        Input("client-rectify-submit", "n_clicks"),
        State("client-id", "data"),
        State("client-rectified", "data"),
        *[State(f"client-rectify-{name}", "value") for name in FEATURE_NAMES],
        prevent_initial_call=True,
    )(submit)
