"""Dash callbacks, registered by function so that each Dash app built by the factory has them."""

from __future__ import annotations

from dash import Dash


def register_callbacks(dash_app: Dash) -> None:
    from app.callbacks import admin, client, model, oversight, portfolio, rights, router, simulator

    for module in (router, oversight, portfolio, client, rights, simulator, model, admin):
        module.register(dash_app)
