"""The signed manifest of a registry version: what may be served is what a key holder signed.

A sha256 written next to an artefact proves nothing against whoever can replace the artefact:
they replace the sha256 too. The manifest binds the version id, the artefact's sha256 and the
metadata's sha256 under an HMAC-SHA256 with MODEL_SIGNING_KEY, a key kept outside the registry
(training signs, loading verifies). Light on imports: the app's configuration reads the
development key from here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os

MANIFEST = "manifest.json"
DEV_SIGNING_KEY = "dev-model-signing-key-not-for-production"


class SignatureError(ValueError):
    """The manifest is missing, unreadable, unsigned or signed with another key."""


def signing_key() -> str:
    """MODEL_SIGNING_KEY, or the published development key outside production (a production
    build signing with it would make a model that the app then refuses to serve)."""
    key = os.environ.get("MODEL_SIGNING_KEY")
    if not key and os.environ.get("APP_ENV", "").lower() == "production":
        raise SignatureError("MODEL_SIGNING_KEY is not set: production models are signed with it")
    return key or DEV_SIGNING_KEY


def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()


def _mac(payload: dict, key: str) -> str:
    return hmac.new(key.encode(), _canonical(payload), hashlib.sha256).hexdigest()


def sign(payload: dict, key: str) -> str:
    """The manifest's text: the payload and its HMAC-SHA256."""
    return json.dumps({**payload, "hmac_sha256": _mac(payload, key)}, indent=2, sort_keys=True)


def verify(text: str, key: str) -> dict:
    """The signed payload, or SignatureError naming what is wrong."""
    try:
        manifest = json.loads(text)
    except ValueError:
        raise SignatureError("the manifest is not valid JSON") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("hmac_sha256"), str):
        raise SignatureError("the manifest carries no signature")
    payload = {k: v for k, v in manifest.items() if k != "hmac_sha256"}
    if not hmac.compare_digest(manifest["hmac_sha256"], _mac(payload, key)):
        raise SignatureError("the manifest's signature does not match MODEL_SIGNING_KEY")
    return payload
