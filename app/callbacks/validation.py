"""The dashboard's validation layout: every component a callback names, on any page.

Callback exceptions are not suppressed, so the renderer checks each callback's ids against this
layout when the app starts (`Dash.validation_layout`, Dash's hook for multi-page apps, read
instead of the page shown): the frame, every page drawn for a stand-in reader of each role, and
the pieces callbacks draw later (dialogs, rows, pattern-matching buttons).
tests/dashboard/test_dashboard_validation.py fails when a callback names a component missing
here.

Dash pages replaces `validation_layout` on a server's first request with the page layouts called
without arguments (which lack what callbacks draw later); a hook registered after Dash's own
puts this one back.
"""

from __future__ import annotations

from types import SimpleNamespace

from dash import Dash, html
from flask import Flask, request

from app.callbacks.decision import repeat_question
from app.callbacks.pages import PAGES
from app.layouts.admin_erasure import results_table
from app.layouts.client import decision_form, rights_actions
from app.layouts.model_lifecycle import section_frame
from app.layouts.model_monitoring import section as drift_section
from app.layouts.rectification import rectification_form
from app.layouts.shell import frame
from modelling.features import FEATURES

ROLES = ("adviser", "supervisor", "admin")
SAMPLE_CLIENT = "00000000-0000-4000-8000-000000000000"


def stand_in(role: str):
    """A reader for drawing pages without a request: what layouts read of a SessionUser."""
    return SimpleNamespace(role=role, email=f"{role}@validation.invalid", user=None)


def pages_for(role: str, lang: str) -> list:
    user = stand_in(role)
    drawn = []
    for page in PAGES:
        path = {"client_id": SAMPLE_CLIENT} if page.path_template else {}
        drawn.append(page.module.layout(lang=lang, user=user, query={}, **path))
        if page.missing is not None:
            drawn.append(page.missing(lang=lang))
    return drawn


def later_pieces(lang: str) -> list:
    """Components that callbacks draw into a page after it is shown (each by the function the
    callback draws it with, so their types are the real ones)."""
    features = {f.name: f.minimum for f in FEATURES}
    erasable = {
        "client_id": SAMPLE_CLIENT,
        "adviser_email": "adviser@validation.invalid",
        "created_at": "2026-01-01T00:00:00+00:00",
        "data_updated_at": "2026-01-01T00:00:00+00:00",
        "scores": 0,
        "decisions": 0,
    }
    return [
        # The client page: the decision form and its "same decision again?" question, the
        # rights buttons, the rectification form.
        *decision_form(lang),
        repeat_question("approve", lang),
        *rights_actions(lang, frozenset({"request_review", "export", "letter"})),
        rectification_form(features, lang),
        # The model page: the drift and the approvals sections, drawn once the page loads.
        drift_section(lang, 0.1, 0.25),
        section_frame([], None, lang, governs=True),
        # The admin page: the erasure search's rows (a pattern-matching button per client).
        results_table([erasable], lang),
    ]


def layout(lang: str = "fr"):
    parts = [frame(stand_in("admin"), lang, "validation")]
    for role in ROLES:
        parts.extend(pages_for(role, lang))
    parts.extend(later_pieces(lang))
    return html.Div(parts)


def init_app(server: Flask, dash_app: Dash) -> None:
    """Give Dash the validation layout before its layout (else Dash draws the layout function to
    validate it, outside any request); a placeholder at first, drawn on the first dashboard
    request, since drawing every page takes a tenth of a second and tests build many apps that
    never serve a page. Set back after Dash pages' own first-request setup replaces it."""
    dash_app.validation_layout = html.Div(html.Div(id="validation-layout-pending"))  # not empty:
    # an empty component is falsy, and Dash would take it for none
    drawn: list = []

    @server.before_request
    def keep_the_validation_layout():
        if request.blueprint in ("api", "web"):  # the JSON API, the log-in and language pages
            return
        if not drawn:
            drawn.append(layout())
        if dash_app.validation_layout is not drawn[0]:
            dash_app.validation_layout = drawn[0]
