"""The supervisors' page "À examiner" and the navigation bar's count of open cases.

The rules (who reads the queue, the filters' values) are services/reviews'; these callbacks
only say its answers in the reader's language.
"""

from __future__ import annotations

import math

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output
from dash.exceptions import PreventUpdate

from app.callbacks.refusals import refusal_text
from app.layouts.reviews import PER_PAGE, count_badge, queue_table, summary
from app.models import Role
from app.services import reviews
from app.services.errors import ServiceError
from app.web.session import session_actor, session_language


def show_queue(reason, overdue_only, page):
    """(table, summary, page count) for the filters; a refusal or a bad value says why."""
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    try:
        queue = reviews.queue(
            actor,
            reason=None if reason in (None, "all") else reason,
            overdue=_overdue_filter(overdue_only),
            page=1 if page is None else page,
            per_page=PER_PAGE,
        )
    except ServiceError as exc:
        text = refusal_text(exc, lang) or exc.message
        fields = "; ".join(f"{name}: {rule}" for name, rule in exc.fields.items())
        alert = dbc.Alert(f"{text} {fields}".strip(), color="warning", id="reviews-refused")
        return alert, None, 1
    pages = max(1, math.ceil(queue["total"] / PER_PAGE))
    return (
        queue_table(queue["items"], lang),
        summary(queue["total"], queue["page"], pages, lang),
        pages,
    )


def _overdue_filter(overdue_only):
    """The switch on: only overdue cases; off: every case (any other value: the service's
    validation names it)."""
    if overdue_only is None or overdue_only is False:
        return None
    return overdue_only


def first_page(_reason, _overdue):
    """A new filter starts again at the first page."""
    return 1


def nav_count(_pathname):
    """The navigation bar's count, redrawn at each page change (supervisors, admins)."""
    actor = session_actor()
    if actor is None or actor.role == Role.ADVISER:
        raise PreventUpdate
    return count_badge(reviews.open_review_count(actor), session_language())


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("reviews-table", "children"),
        Output("reviews-summary", "children"),
        Output("reviews-page", "max_value"),
        Input("reviews-reason", "value"),
        Input("reviews-overdue", "value"),
        Input("reviews-page", "active_page"),
    )(show_queue)
    dash_app.callback(
        Output("reviews-page", "active_page"),
        Input("reviews-reason", "value"),
        Input("reviews-overdue", "value"),
        prevent_initial_call=True,
    )(first_page)
    dash_app.callback(Output("nav-reviews-count", "children"), Input("url", "pathname"))(nav_count)
