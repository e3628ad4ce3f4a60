"""Client page: draw only the actions the reader may perform, as the permission table says.

The services refuse the others anyway (services/permissions); the page does not offer them, so
a supervisor sees no decision form on a client outside the review queue.
"""

from __future__ import annotations

from dash import Dash, Input, Output, html
from dash.exceptions import PreventUpdate

from app.layouts.client import decision_form, decision_not_offered, rights_actions
from app.layouts.reviews import case_note
from app.models import Role
from app.models.review import OUTCOMES
from app.services import decisions, permissions, reviews, rights
from app.services.errors import NotFound
from app.services.lookup import client_id_from
from app.texts import t
from app.web.session import session_actor, session_language


def draw_actions(client_id: str | None, _refresh=None):
    """Redrawn after each stored decision too: a referral hands the case to a supervisor."""
    actor = session_actor()
    if actor is None or not client_id:
        raise PreventUpdate
    lang = session_language()
    try:
        allowed = permissions.actions_on(client_id_from(client_id), actor)
    except NotFound:  # not a UUID, or no such client: nothing to offer
        allowed = frozenset()
    case = reviews.case_for(client_id_from(client_id), actor) if allowed else None
    if "review" in allowed:  # a supervisor on a client in the queue: the review decision
        minimum = decisions.justification_min_length()
        form = [
            case_note(case, lang, for_reviewer=True),
            html.P(t("review_form_help", lang, minimum=minimum), className="small"),
            *decision_form(lang, OUTCOMES),
        ]
    elif "decide" in allowed:
        form = decision_form(lang)
    elif actor.role == Role.ADVISER and case is not None:  # the case is a supervisor's now
        form = case_note(case, lang, for_reviewer=False)
    elif actor.role == Role.SUPERVISOR and case is not None:  # their own case: another's
        form = html.P(t("forbidden_own_decision", lang), className="small text-secondary mb-0")
    elif actor.role == Role.SUPERVISOR and allowed:
        form = decision_not_offered(lang)
    else:
        form = None
    requested = "request_review" in allowed and rights.review_requested_at(
        client_id_from(client_id), actor
    )
    return rights_actions(lang, allowed, review_open=bool(requested)), form


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("client-rights-actions", "children"),
        Output("client-decision-form", "children"),
        Input("client-id", "data"),
        Input("client-refresh", "data"),
    )(draw_actions)
