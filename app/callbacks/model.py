"""Model page: rendered from the served model's metadata (no database access)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output
from dash.exceptions import PreventUpdate
from flask import current_app

from app.layouts.model import content
from app.services.models import model_service
from app.texts import t
from app.web.session import session_language, session_user


def model_page(_load):
    if session_user() is None:
        raise PreventUpdate
    lang = session_language()
    model = model_service().model
    if model is None:
        return dbc.Alert(t("no_model", lang), color="warning", id="model-none")
    served = {"version": model.version, "served_review_margin": current_app.config["REVIEW_MARGIN"]}
    return content(model.metadata | served, lang)


def register(dash_app: Dash) -> None:
    dash_app.callback(Output("model-content", "children"), Input("model-load", "data"))(model_page)
