"""Dash callbacks, registered by function so that each Dash app built by the factory has them."""

from __future__ import annotations

from dash import Dash


def register_callbacks(dash_app: Dash) -> None:
    from app.callbacks import (
        admin,
        admin_erasure,
        admin_jobs,
        client,
        client_actions,
        client_letter,
        decision,
        model,
        model_backtest,
        model_lifecycle,
        model_monitoring,  # issue 12 §2: drift
        model_oversight,
        oversight,
        pages,
        portfolio,
        rectification,
        reviews,
        rights,
        simulator,
    )

    client_page = (client, decision, client_actions, rights, rectification, client_letter)
    for module in (
        pages,
        oversight,
        portfolio,
        *client_page,
        reviews,
        simulator,
        model,
        model_lifecycle,
        model_backtest,
        model_monitoring,
        model_oversight,
        admin,
        admin_erasure,
        admin_jobs,
    ):
        module.register(dash_app)
