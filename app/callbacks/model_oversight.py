"""Model page, "human decisions" section (CJEU C-634/21): drawn for the roles the permission
table allows (the service checks it again); for any other reader it stays empty."""

from __future__ import annotations

from dash import Dash, Input, Output
from dash.exceptions import PreventUpdate

from app.layouts.model_oversight import evidence_card
from app.services import human_evidence, permissions
from app.texts import t
from app.web.session import session_actor, session_language


def oversight_section(_load):
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    if not permissions.allowed(actor, "oversight_evidence"):
        return None
    lang = session_language()
    evidence = human_evidence.decision_evidence(actor)
    return evidence_card(evidence, lang, t("user_removed", lang))


def register(dash_app: Dash) -> None:
    dash_app.callback(Output("model-human-oversight", "children"), Input("model-load", "data"))(
        oversight_section
    )
