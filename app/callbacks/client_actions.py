"""Client page: draw only the actions the reader may perform, as the permission table says.

The services refuse the others anyway (services/permissions); the page does not offer them, so
a supervisor sees no decision form on a client outside the review queue.
"""

from __future__ import annotations

from dash import Dash, Input, Output
from dash.exceptions import PreventUpdate

from app.layouts.client import decision_form, decision_not_offered, rights_actions
from app.models import Role
from app.services import permissions
from app.services.errors import NotFound
from app.services.lookup import client_id_from
from app.web.session import session_actor, session_language


def draw_actions(client_id: str | None):
    actor = session_actor()
    if actor is None or not client_id:
        raise PreventUpdate
    lang = session_language()
    try:
        allowed = permissions.actions_on(client_id_from(client_id), actor)
    except NotFound:  # not a UUID, or no such client: nothing to offer
        allowed = frozenset()
    if "decide" in allowed:
        form = decision_form(lang)
    elif actor.role == Role.SUPERVISOR and allowed:
        form = decision_not_offered(lang)
    else:
        form = None
    return rights_actions(lang, allowed), form


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("client-rights-actions", "children"),
        Output("client-decision-form", "children"),
        Input("client-id", "data"),
    )(draw_actions)
