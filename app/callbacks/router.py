"""URL -> page, its browser tab title, and the language switch that brings the adviser back to
the same page."""

from __future__ import annotations

import uuid
from urllib.parse import quote

from dash import ClientsideFunction, Dash, Input, Output
from dash.exceptions import PreventUpdate

from app.layouts.routes import page_title, render
from app.services.errors import Forbidden, NotFound
from app.services.portfolio import visible_client
from app.web.session import session_language, session_user


def client_visible(user, client_id: str) -> bool:
    """Is the client page's client one the reader may see? (Unknown and foreign look alike.)"""
    try:
        visible_client(uuid.UUID(client_id), user.user)
    except (NotFound, Forbidden):
        return False
    return True


GUARDS = {"client": client_visible}


def display_page(pathname: str | None, search: str | None):
    user = session_user()
    if user is None:
        raise PreventUpdate
    lang = session_language()
    other = "en" if lang == "fr" else "fr"
    pathname = pathname if isinstance(pathname, str) else "/"  # a forged request sends anything
    search = search if isinstance(search, str) else ""
    here = quote((pathname or "/") + search, safe="/", errors="replace")
    return (
        render(pathname, search, lang, user, GUARDS),
        f"/language/{other}?next={here}",
        page_title(pathname, lang, user, GUARDS),
    )


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("page-content", "children"),
        Output("nav-language", "href"),
        Output("page-title", "data"),
        Input("url", "pathname"),
        Input("url", "search"),
    )(display_page)
    # In the browser: a script file (assets/title.js), so the CSP needs no inline script.
    dash_app.clientside_callback(
        ClientsideFunction(namespace="page", function_name="setTitle"),
        Input("page-title", "data"),
    )
