"""The central page table: URL pattern -> layout function (and the role it needs)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs

from dash import html

from app.layouts import admin, client, gdpr, model, portfolio, reviews, simulator
from app.texts import t


@dataclass(frozen=True)
class Route:
    pattern: re.Pattern
    layout: Callable
    title: str  # the text key of the browser tab's title
    role: str | None = None
    # A page about one record: `guard` names the check the callback layer supplies (layouts do
    # not query), `missing` is drawn instead of the page when the check fails.
    guard: str | None = None
    missing: Callable | None = None


UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
ROUTES = (
    Route(re.compile(r"^/$"), portfolio.layout, "tab_portfolio"),
    Route(
        re.compile(rf"^/clients/(?P<client_id>{UUID})$"),
        client.layout,
        "tab_client",
        guard="client",
        missing=client.not_found,
    ),
    # Supervisors and admins: the queue's service refuses the other roles, the page says so.
    Route(re.compile(r"^/reviews$"), reviews.layout, "reviews_title"),
    Route(re.compile(r"^/simulator$"), simulator.layout, "nav_simulator"),
    Route(re.compile(r"^/model$"), model.layout, "model_title"),
    Route(re.compile(r"^/gdpr$"), gdpr.layout, "gdpr_title"),
    Route(re.compile(r"^/admin$"), admin.layout, "admin_title", role="admin"),
)


def page_title(pathname: str | None, lang: str, user, guards=None) -> str:
    """The browser tab's title: the page's name, then the application's ("Client 1a2b3c4d ·
    Scoring crédit"), so that several open tabs can be told apart. `guards` as for render: a
    client the reader may not see is titled as not found, like its page."""
    name = t("not_found_title", lang)
    for route in ROUTES:
        match = route.pattern.match(pathname or "/")
        if match:
            guard = (guards or {}).get(route.guard)
            if route.role and user.role != route.role:
                name = t("forbidden_title", lang)
            elif guard is not None and not guard(user, **match.groupdict()):
                name = t("not_found_title", lang)
            elif route.title == "tab_portfolio":
                name = portfolio.heading(user, lang)
            else:
                name = t(route.title, lang, **{k: v[:8] for k, v in match.groupdict().items()})
            break
    return f"{name} · {t('app_title', lang)}"


def render(pathname: str | None, search: str | None, lang: str, user, guards=None):
    """The page for a URL; 'not found' and 'forbidden' are pages too (never an exception).

    `guards` maps a route's guard name to a check `(user, **params) -> bool` (callbacks/router).
    """
    query = {k: v[0] for k, v in parse_qs((search or "").lstrip("?")).items()}
    for route in ROUTES:
        match = route.pattern.match(pathname or "/")
        if match:
            if route.role and user.role != route.role:
                return html.Div(
                    t("forbidden", lang), className="alert alert-warning", id="page-forbidden"
                )
            params = match.groupdict()
            guard = (guards or {}).get(route.guard)
            if guard is not None and not guard(user, **params):
                return route.missing(lang=lang)
            return route.layout(lang=lang, user=user, query=query, **params)
    return html.Div(t("not_found", lang), className="alert alert-secondary", id="page-not-found")
