"""The pages drawn instead of another: an address that names no page, and a page the reader's
role does not open. Dash pages draws the layout of the page registered as `not_found_404` for
an unknown address (app/callbacks/pages.py registers it)."""

from __future__ import annotations

from dash import html

from app.texts import t


def layout(lang: str, **_):
    return html.Div(t("not_found", lang), className="alert alert-secondary", id="page-not-found")


def forbidden(lang: str, roles: tuple[str, ...]):
    names = ", ".join(t(f"role_{role}", lang).lower() for role in roles)
    return html.Div(
        t("forbidden_page_roles", lang, roles=names),
        className="alert alert-warning",
        id="page-forbidden",
    )
