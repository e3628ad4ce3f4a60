"""Find clients from what an adviser types: a client UUID, the short id the portfolio table
shows (a UUID's first 8 hex digits, or more), or the bank's customer reference.

The reference is turned into the UUID by the keyed hash and then forgotten: never stored,
never logged. Only clients in the actor's portfolio are ever matched.
"""

from __future__ import annotations

import contextlib
import re
import uuid

from sqlalchemy import select

from app.database import current_database
from app.models import Client, User
from app.services.errors import NotFound
from app.services.portfolio import scoped
from app.services.pseudonymisation import client_uuids

SHORT_ID_LENGTH = 8  # what the portfolio table shows of a client's UUID
MAX_MATCHES = 20
MAX_TEXT_LENGTH = 200
MAX_UUID_TEXT = 45  # "urn:uuid:" and 36 characters: the longest form uuid.UUID reads
_HEX_PREFIX = re.compile(rf"[0-9a-f]{{{SHORT_ID_LENGTH},32}}")


def client_id_from(value: object) -> uuid.UUID:
    """A client id as a browser or a caller sent it. Anything but a UUID (a number, a list, a
    malformed or endless string) designates no client: NotFound, as for an unknown one."""
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str) and len(value) <= MAX_UUID_TEXT:
        with contextlib.suppress(ValueError):
            return uuid.UUID(value)
    raise NotFound("No such client.")


def uuid_prefix_range(text: str) -> tuple[uuid.UUID, uuid.UUID] | None:
    """The UUIDs starting with these hex digits (the short id, with or without its "…"), as a
    range, or None if the text is not a short id."""
    prefix = (text or "").strip().lower().rstrip(".…").replace("-", "")
    if not _HEX_PREFIX.fullmatch(prefix):
        return None
    return uuid.UUID(prefix.ljust(32, "0")), uuid.UUID(prefix.ljust(32, "f"))


def find_clients(text: str, actor: User) -> list[uuid.UUID]:
    """The actor's clients that the text designates, at most MAX_MATCHES, in id order.

    A unique answer opens the client; several are listed to choose from; none is reported the
    same way for an unknown client and for one outside the portfolio.
    """
    text = text.strip() if isinstance(text, str) else ""
    if not text or len(text) > MAX_TEXT_LENGTH or not text.isprintable():
        return []  # control characters and lone surrogates designate no one
    exact = list(client_uuids(text).values())  # the current key's and any rotated-out one's
    with contextlib.suppress(ValueError):  # not a UUID: maybe a customer reference
        exact.append(uuid.UUID(text))
    condition = Client.id.in_(exact)
    bounds = uuid_prefix_range(text)
    if bounds is not None:
        condition = condition | Client.id.between(*bounds)  # an index range on both stores
    statement = scoped(select(Client.id), actor).where(condition)
    return list(
        current_database().session.scalars(statement.order_by(Client.id).limit(MAX_MATCHES))
    )
