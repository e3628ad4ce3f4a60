"""Dash callbacks, registered by function so that each Dash app built by the factory has them."""

from __future__ import annotations

from dash import Dash


def register_callbacks(dash_app: Dash) -> None:
    from app.callbacks import (
        admin,
        admin_erasure,
        client,
        client_actions,
        model,
        oversight,
        portfolio,
        rights,
        router,
        simulator,
    )

    pages = (router, oversight, portfolio, client, client_actions, rights, simulator, model)
    for module in (*pages, admin, admin_erasure):
        module.register(dash_app)
