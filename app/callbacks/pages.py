"""The dashboard's pages, registered with Dash pages: an address (or a path template) per page,
its layout from app/layouts/<page>.py, and its browser tab title.

What a page needs checked before it is drawn is checked here, in the callbacks layer, because
layouts do not query: the reader's role (the admin page draws 'forbidden' for the others) and,
for a page about one client, that the reader may see that client (an unknown or a foreign id
draws the same 'not found' page, titled alike, so the page tells nothing of which it was).

`dash.page_registry` belongs to the dash package, not to one app: registering again (the factory
builds an app per test) replaces each entry with the same one, keyed by the layout's module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from urllib.parse import quote

import dash
from dash import Dash, Input, Output, html

from app.layouts import admin, client, gdpr, model, not_found_404, portfolio, reviews, simulator
from app.services.errors import Forbidden, NotFound
from app.services.lookup import client_id_from
from app.services.portfolio import visible_client
from app.texts import t
from app.web.session import session_language, session_user


def client_visible(user, client_id: str | None = None, **_) -> bool:
    """Is the page's client one the reader may see? (Unknown, malformed and foreign look alike.)"""
    try:
        visible_client(client_id_from(client_id), user.user)
    except (NotFound, Forbidden):
        return False
    return True


@dataclass(frozen=True)
class Page:
    module: ModuleType  # in app/layouts; its `layout(lang, user, query, **path)` draws the page
    path: str
    title: str  # the text key of the browser tab's title
    path_template: str | None = None
    roles: tuple[str, ...] = ()  # the roles it opens to (none: every role)
    # A page about one record: the check of its path variables, and what is drawn if it fails.
    guard: Callable[..., bool] | None = None
    missing: Callable | None = None


PAGES = (
    Page(portfolio, "/", "portfolio_title"),  # titled by the reader's role (heading)
    Page(
        client,
        "/clients/none",
        "tab_client",
        path_template="/clients/<client_id>",
        guard=client_visible,
        missing=client.not_found,
    ),
    # The queue's service refuses the other roles too; the page says so at once.
    Page(reviews, "/reviews", "reviews_title", roles=("supervisor", "admin")),
    Page(simulator, "/simulator", "nav_simulator"),
    Page(model, "/model", "model_title"),
    Page(gdpr, "/gdpr", "gdpr_title"),
    Page(admin, "/admin", "admin_title", roles=("admin",)),
    # Dash pages draws the page registered under a name ending in "not_found_404" for an
    # address no page has.
    Page(not_found_404, "/404", "not_found_title"),
)


def variables(page: Page) -> tuple[str, ...]:
    template = page.path_template or ""
    return tuple(part[1:-1] for part in template.split("/") if part.startswith("<"))


def refusal(page: Page, user, path: dict) -> str | None:
    """Why this reader gets another page instead: "forbidden", "missing", or None."""
    if page.roles and user.role not in page.roles:
        return "forbidden"
    if page.guard is not None and not page.guard(user, **path):
        return "missing"
    return None


def plain_query(params: dict) -> dict:
    """The query string as the layouts read it: one value per name, empty values left out."""
    firsts = {k: v[0] if isinstance(v, list) and v else v for k, v in params.items()}
    return {k: v for k, v in firsts.items() if isinstance(v, str) and v}


def page_layout(page: Page) -> Callable:
    """The layout as Dash pages calls it: path variables and the query string as keywords (the
    reader and their language come from the session)."""
    names = variables(page)

    def layout(**params):
        user = session_user()
        if user is None:  # Dash calls every layout on a server's first request, maybe anonymous
            return html.Div()
        lang = session_language()
        path = {name: params.pop(name, None) for name in names}
        refused = refusal(page, user, path)
        if refused == "forbidden":
            return not_found_404.forbidden(lang, page.roles)
        if refused == "missing":
            return page.missing(lang=lang)
        return page.module.layout(lang=lang, user=user, query=plain_query(params), **path)

    return layout


def page_title(page: Page) -> Callable:
    """The browser tab's title: the page's name, then the application's ("Client 1a2b3c4d ·
    Scoring crédit"), so that several open tabs can be told apart. Dash pages calls it with the
    path variables, in the request: a page refused to the reader is titled as drawn."""

    def title(**path):
        lang = session_language()
        user = session_user()
        if user is None:
            return t("app_title", lang)
        refused = refusal(page, user, path)
        if refused == "forbidden":
            name = t("forbidden_title", lang)
        elif refused == "missing":
            name = t("not_found_title", lang)
        elif page.module is portfolio:
            name = portfolio.heading(user, lang)
        else:
            name = t(page.title, lang, **{k: str(v)[:8] for k, v in path.items()})
        return f"{name} · {t('app_title', lang)}"

    return title


def language_link(pathname, search) -> str:
    """The language switch brings the reader back to the same page and query."""
    other = "en" if session_language() == "fr" else "fr"
    pathname = pathname if isinstance(pathname, str) else "/"  # a forged request sends anything
    search = search if isinstance(search, str) else ""
    here = quote(pathname + search, safe="/", errors="replace")
    return f"/language/{other}?next={here}"


def register(dash_app: Dash) -> None:
    for order, page in enumerate(PAGES):
        dash.register_page(
            page.module.__name__,
            path=page.path,
            path_template=page.path_template,
            name=page.title,
            order=order,
            title=page_title(page),
            layout=page_layout(page),
        )
    dash_app.callback(
        Output("nav-language", "href"), Input("url", "pathname"), Input("url", "search")
    )(language_link)
