"""Customer reference -> client UUID by a keyed hash (GDPR Art. 4(5) pseudonymisation).

The reference itself is never stored or logged. Without PSEUDONYMISATION_KEY the mapping cannot
be recomputed, so the key must be held apart from the database.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid

from flask import current_app


def client_uuid(customer_ref: str, key: str | None = None) -> uuid.UUID:
    """HMAC-SHA256 of the normalised reference, laid out as an RFC 9562 version-8 UUID."""
    key = key or current_app.config["PSEUDONYMISATION_KEY"]
    digest = hmac.new(key.encode(), customer_ref.strip().encode(), hashlib.sha256).digest()
    value = int.from_bytes(digest[:16], "big")
    value &= ~(0xF000 << 64)  # version nibble
    value |= 0x8000 << 64  # version 8: custom
    value &= ~(0xC000 << 48)  # variant bits
    value |= 0x8000 << 48  # RFC 9562 variant
    return uuid.UUID(int=value)
