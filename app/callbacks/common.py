"""What every client-page callback starts with: who asks, about which client."""

from __future__ import annotations

import uuid

from dash.exceptions import PreventUpdate

from app.models import User
from app.services.errors import NotFound
from app.services.lookup import client_id_from
from app.web.session import session_actor


def actor_and_client_id(client_id: str | None) -> tuple[User, uuid.UUID]:
    """The logged-in user and the page's client id; no update for anything else."""
    actor = session_actor()
    if actor is None or not client_id:
        raise PreventUpdate
    try:
        return actor, client_id_from(client_id)
    except NotFound:
        raise PreventUpdate from None  # the page only sends UUIDs: a forged request
