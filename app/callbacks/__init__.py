"""Dash callbacks, registered by function so that each Dash app built by the factory has them."""

from __future__ import annotations

from dash import Dash


def register_callbacks(dash_app: Dash) -> None:
    from app.callbacks import admin, client, model, portfolio, router, simulator

    for module in (router, portfolio, client, simulator, model, admin):
        module.register(dash_app)
