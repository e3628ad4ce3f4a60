"""The adviser dashboard: a Dash app mounted on the Flask server, built inside the factory.

Dash pages route the URL (`use_pages`): each page is registered with `dash.register_page` by
app/callbacks/pages.py (an address or a path template such as `/clients/<client_id>`, its layout
from app/layouts/<page>.py, its tab title), nothing is scanned from a folder (`pages_folder=""`).
Callbacks are registered by function (app/callbacks), never with the module-level decorator, so
the factory can build the app any number of times. Callback exceptions are not suppressed: the
validation layout (app/callbacks/validation.py) holds every component a callback names.
"""

from __future__ import annotations

from dash import Dash
from flask import Flask

from app.callbacks import register_callbacks, validation
from app.callbacks.errors import callback_failed
from app.config import PROJECT_ROOT
from app.layouts.shell import shell
from app.web import callback_requests
from app.web.session import session_language


class Dashboard(Dash):
    """Dash whose page names its language on <html> (screen readers pick their voice from it;
    the language switch reloads the page, so the request's language is the page's)."""

    def interpolate_index(self, **kwargs):
        page = super().interpolate_index(**kwargs)
        return page.replace("<html>", f'<html lang="{session_language()}">', 1)


def init_app(server: Flask) -> Dash:
    dash_app = Dashboard(
        __name__,
        server=server,
        url_base_pathname="/",
        assets_folder=str(PROJECT_ROOT / "assets"),
        serve_locally=True,
        use_pages=True,
        pages_folder="",  # pages are registered by function (app/callbacks/pages.py)
        include_pages_meta=False,  # no social-card tags: an internal tool, and no client ids
        suppress_callback_exceptions=False,
        title="Scoring crédit",
        update_title=None,
        on_error=callback_failed,  # a failed callback: logged, a message in the reader's words
    )
    validation.init_app(server, dash_app)  # first: Dash would draw the layout to validate
    dash_app.layout = shell  # a function: evaluated per request, for the logged-in user
    register_callbacks(dash_app)
    callback_requests.init_app(server, dash_app)  # after the log-in guard: anonymous get 401
    server.extensions["dash_app"] = dash_app
    return dash_app
