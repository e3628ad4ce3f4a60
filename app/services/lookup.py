"""Find a client from what an adviser types: a client UUID or the bank's customer reference.

The reference is turned into the UUID by the keyed hash and then forgotten: never stored,
never logged.
"""

from __future__ import annotations

import contextlib
import uuid

from app.models import User
from app.services.errors import NotFound
from app.services.portfolio import visible_client
from app.services.pseudonymisation import client_uuid


def resolve_client(text: str, actor: User) -> uuid.UUID:
    """The UUID of a client in the actor's portfolio, or NotFound (same for unknown/foreign)."""
    text = (text or "").strip()
    if not text:
        raise NotFound("Type a client UUID or a customer reference.")
    candidates = []
    with contextlib.suppress(ValueError):  # not a UUID: maybe a customer reference
        candidates.append(uuid.UUID(text))
    candidates.append(client_uuid(text))
    for candidate in candidates:
        try:
            return visible_client(candidate, actor).id
        except NotFound:
            continue
    raise NotFound("No such client in your portfolio.")
