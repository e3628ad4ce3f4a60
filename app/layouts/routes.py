"""The central page table: URL pattern -> layout function (and the role it needs)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs

from dash import html

from app.layouts import admin, client, gdpr, model, portfolio, simulator
from app.texts import t


@dataclass(frozen=True)
class Route:
    pattern: re.Pattern
    layout: Callable
    role: str | None = None
    # A page about one record: `guard` names the check the callback layer supplies (layouts do
    # not query), `missing` is drawn instead of the page when the check fails.
    guard: str | None = None
    missing: Callable | None = None


UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
ROUTES = (
    Route(re.compile(r"^/$"), portfolio.layout),
    Route(
        re.compile(rf"^/clients/(?P<client_id>{UUID})$"),
        client.layout,
        guard="client",
        missing=client.not_found,
    ),
    Route(re.compile(r"^/simulator$"), simulator.layout),
    Route(re.compile(r"^/model$"), model.layout),
    Route(re.compile(r"^/gdpr$"), gdpr.layout),
    Route(re.compile(r"^/admin$"), admin.layout, role="admin"),
)


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
