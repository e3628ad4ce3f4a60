"""Find a client to answer a rights request (erasure): an administrator types a client UUID, the
short id the pages show, or the bank's customer reference.

Admins read no portfolio: the answer identifies the record (ids, adviser, dates, how much would
be erased) and never holds a feature. The reference is turned into the UUID by the keyed hash
and then forgotten.
"""

from __future__ import annotations

import contextlib
import uuid

from sqlalchemy import func, select

from app.database import current_database
from app.models import Client, Decision, ScoreRecord, User
from app.services import permissions
from app.services.errors import Invalid
from app.services.lookup import uuid_prefix_range
from app.services.pseudonymisation import client_uuids

MAX_MATCHES = 20
MAX_TEXT_LENGTH = 200


def find_for_rights(text: str, actor: User) -> list[dict]:
    """The clients the text designates, at most MAX_MATCHES, in id order."""
    permissions.require(actor, "erase")  # the search serves erasure requests only
    text = text.strip() if isinstance(text, str) else ""
    if not text or len(text) > MAX_TEXT_LENGTH or not text.isprintable():
        raise Invalid("Invalid search.", {"search": "a client UUID, short id or reference"})
    condition = Client.id.in_(list(client_uuids(text).values()))  # rotated-out keys too
    with contextlib.suppress(ValueError):  # not a UUID: a short id or a reference
        condition = condition | (Client.id == uuid.UUID(text))
    bounds = uuid_prefix_range(text)
    if bounds is not None:
        condition = condition | Client.id.between(*bounds)
    scores = select(func.count()).where(ScoreRecord.client_id == Client.id).scalar_subquery()
    decisions = select(func.count()).where(Decision.client_id == Client.id).scalar_subquery()
    rows = current_database().session.execute(
        select(Client, User.email, scores, decisions)
        .join(User, User.id == Client.adviser_id)
        .where(condition)
        .order_by(Client.id)
        .limit(MAX_MATCHES)
    )
    return [
        {
            "client_id": str(client.id),
            "adviser_email": email,
            "created_at": client.created_at.isoformat(),
            "data_updated_at": client.data_updated_at.isoformat(),
            "scores": n_scores,
            "decisions": n_decisions,
        }
        for client, email, n_scores, n_decisions in rows
    ]
