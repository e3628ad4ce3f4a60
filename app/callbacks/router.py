"""URL -> page, and the language switch that brings the adviser back to the same page."""

from __future__ import annotations

from urllib.parse import quote

from dash import Dash, Input, Output
from dash.exceptions import PreventUpdate

from app.layouts.routes import render
from app.web.session import session_language, session_user


def display_page(pathname: str | None, search: str | None):
    user = session_user()
    if user is None:
        raise PreventUpdate
    lang = session_language()
    other = "en" if lang == "fr" else "fr"
    here = quote((pathname or "/") + (search or ""), safe="/")
    return render(pathname, search, lang, user), f"/language/{other}?next={here}"


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("page-content", "children"),
        Output("nav-language", "href"),
        Input("url", "pathname"),
        Input("url", "search"),
    )(display_page)
