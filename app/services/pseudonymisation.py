"""Customer reference -> client UUID by a keyed hash (GDPR Art. 4(5) pseudonymisation).

The reference itself is never stored or logged. Without PSEUDONYMISATION_KEY the mapping cannot
be recomputed, so the key must be held apart from the database.

Before the hash a reference is normalised (docs/gdpr.md): Unicode NFKC (a full-width "ＡＢ" or a
non-breaking space becomes the plain character), surrounding spaces trimmed, letters in upper
case. Upper case because bank references are written in capitals and advisers type them in
either case; the rule keeps every upper-case reference on the UUID it already had.

Each client derived from a reference records the key's version (PSEUDONYMISATION_KEY_VERSION).
To rotate, the new key gets the next version and the old one moves to
PSEUDONYMISATION_PREVIOUS_KEYS: new references use the new key, clients derived under an old key
are still found under it, and the version column says when an old key is no longer needed.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
import uuid

from flask import current_app


def normalise_reference(customer_ref: str) -> str:
    """NFKC, trimmed, upper case (NFKC again: upper-casing can leave a non-NFKC form)."""
    text = unicodedata.normalize("NFKC", customer_ref).strip().upper()
    return unicodedata.normalize("NFKC", text)


def client_uuid(customer_ref: str, key: str | None = None) -> uuid.UUID:
    """HMAC-SHA256 of the normalised reference, laid out as an RFC 9562 version-8 UUID."""
    key = key or current_app.config["PSEUDONYMISATION_KEY"]
    message = normalise_reference(customer_ref).encode()
    digest = hmac.new(key.encode(), message, hashlib.sha256).digest()
    value = int.from_bytes(digest[:16], "big")
    value &= ~(0xF000 << 64)  # version nibble
    value |= 0x8000 << 64  # version 8: custom
    value &= ~(0xC000 << 48)  # variant bits
    value |= 0x8000 << 48  # RFC 9562 variant
    return uuid.UUID(int=value)


def key_version() -> int:
    """The version of the current key, stored with each client derived from a reference."""
    return current_app.config["PSEUDONYMISATION_KEY_VERSION"]


def client_uuids(customer_ref: str) -> dict[int, uuid.UUID]:
    """The reference's UUID under the current key and under each previous one, by version."""
    config = current_app.config
    keys = {config["PSEUDONYMISATION_KEY_VERSION"]: config["PSEUDONYMISATION_KEY"]}
    keys.update(config["PSEUDONYMISATION_PREVIOUS_KEYS"])
    return {version: client_uuid(customer_ref, key) for version, key in keys.items()}
