"""The frame around every page: top bar (user, role, language, navigation) and the page slot."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from app.texts import t
from app.web.auth import csrf_token
from app.web.session import session_language, session_user

NAV = (
    ("/", "nav_portfolio", "bi-people", None),
    ("/reviews", "nav_reviews", "bi-inbox", ("supervisor", "admin")),
    ("/simulator", "nav_simulator", "bi-sliders", None),
    ("/model", "nav_model", "bi-graph-up", None),
    ("/gdpr", "nav_gdpr", "bi-shield-lock", None),
    ("/admin", "nav_admin", "bi-gear", ("admin",)),
)


def shell():
    """Evaluated per request by Dash (the guard has already required a logged-in user)."""
    user, lang = session_user(), session_language()
    if user is None:  # never the frame for an anonymous request; Dash pages needs its slot
        return html.Div(page_slot())
    return frame(user, lang, csrf_token())


def page_slot():
    """Where Dash pages draws the page of the address (dash.page_container: its location, the
    page itself in the div `_pages_content`, the tab title's store)."""
    return html.Main(
        dash.page_container, id="page-content", className="container-xxl py-3", role="main"
    )


def frame(user, lang: str, token: str):
    """The frame for this reader (also drawn for the validation layout, with a stand-in)."""
    return html.Div(
        [
            dcc.Location(id="url", refresh="callback-nav"),
            dcc.Store(id="model-switch-changed", data=0),  # bumped by the admin's toggle
            top_bar(user, lang, token),
            # Filled while an admin has switched the model off (AI Act Art. 14), on every page.
            html.Div(id="model-off-banner", className="container-xxl pt-2", role="status"),
            # Filled while the served model version lacks its approval (issue 12, production).
            html.Div(id="model-approval-banner", className="container-xxl pt-2", role="status"),
            # Shown by assets/outage.js while the server answers callbacks with 503.
            html.Div(
                [html.Strong(t("db_unavailable_title", lang)), " ", t("db_unavailable_live", lang)],
                id="outage-notice",
                hidden=True,
                role="alert",
                className="alert alert-danger container-xxl mt-2 mb-0 py-2",
            ),
            page_slot(),
        ],
        lang=lang,
    )


def nav_label(key: str, user, lang: str) -> str:
    """An adviser's own portfolio is "Mes clients"; the other roles read the bank's."""
    if key == "nav_portfolio" and user.role != "adviser":
        return t("nav_portfolio_all", lang)
    return t(key, lang)


def top_bar(user, lang: str, token: str):
    links = [
        dbc.NavItem(
            dbc.NavLink(
                [
                    html.I(className=f"bi {icon} me-1", **{"aria-hidden": "true"}),
                    nav_label(key, user, lang),
                    # The review queue's count, filled by callbacks/reviews.
                    html.Span(id="nav-reviews-count") if key == "nav_reviews" else None,
                ],
                href=href,
                active="exact",
                id=f"nav-{key}",
            )
        )
        for href, key, icon, role in NAV
        if role is None or user.role in role
    ]
    if not any(link.children.id == "nav-nav_reviews" for link in links):
        # The review count's callback runs on every page: its output exists for every role.
        links.append(html.Span(id="nav-reviews-count", hidden=True))
    other = "en" if lang == "fr" else "fr"
    account = html.Div(
        [
            html.Span(
                [html.I(className="bi bi-person-circle me-1"), user.email],
                className="me-2",
                id="nav-user",
            ),
            dbc.Badge(
                t(f"role_{user.role}", lang),
                color="light",
                text_color="dark",
                className="me-3",
                id="nav-role",
            ),
            html.A(
                other.upper(),
                href=f"/language/{other}?next=/",
                id="nav-language",
                className="btn btn-sm btn-outline-light me-2",
                lang=other,
                title="English" if other == "en" else "Français",
            ),
            html.Form(
                [
                    dcc.Input(type="hidden", name="csrf_token", value=token),
                    html.Button(
                        t("logout", lang),
                        type="submit",
                        id="nav-logout",
                        className="btn btn-sm btn-light",
                    ),
                ],
                method="post",
                action="/logout",
                className="d-inline",
            ),
        ],
        className="d-flex align-items-center text-white small",
    )
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand(
                    [html.I(className="bi bi-shield-check me-2"), t("app_title", lang)], href="/"
                ),
                dbc.Nav(links, navbar=True, className="me-auto"),
                account,
            ],
            fluid=True,
        ),
        color="primary",
        dark=True,
        className="app-navbar",
    )
