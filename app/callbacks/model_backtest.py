"""Model page, "observed outcomes" section: the served version's back-test and the challenger
comparison (supervisor, admin). The section is drawn for the roles the permission table allows
(the services check it again); for any other reader it stays empty."""

from __future__ import annotations

from dash import Dash, Input, Output, html
from dash.exceptions import PreventUpdate
from flask import current_app

from app.layouts.model_backtest import backtest_card, challenger_card, no_shadow_scores
from app.services import backtest, challenger_report, permissions
from app.services.errors import Conflict, NotFound
from app.services.models import model_service
from app.texts import t
from app.web.session import session_actor, session_language


def backtest_section(_load):
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    grade_min = current_app.config["BACKTEST_MIN_GRADE_OUTCOMES"]
    if not permissions.allowed(actor, "backtest"):
        return None
    version = model_service().version
    if version is None:
        return html.P(t("bt_none", lang), id="model-bt-none", className="text-secondary")
    report = backtest.backtest_version(version, actor)
    children = [backtest_card(report, lang, grade_min)]
    try:
        comparison = challenger_report.challenger_report(actor)
        children.append(challenger_card(comparison, lang, grade_min))
    except NotFound:  # no challenger set
        pass
    except Conflict:  # set, but no shadow score yet
        children.append(no_shadow_scores(challenger_report.current_challenger(), lang))
    return html.Div(children)


def register(dash_app: Dash) -> None:
    dash_app.callback(Output("model-backtest", "children"), Input("model-load", "data"))(
        backtest_section
    )
