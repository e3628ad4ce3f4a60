"""Failed log-ins slow down per account and per address: a progressive delay, never a lock.

RATELIMIT_LOGIN ("5 per minute") gives the number of failures allowed without a wait (5) and
the first wait (60 s / 5 = 12 s): after the 5th failure on an account, or from an address, the
next attempt there must wait 12 s; each further failure doubles the wait (24, 48, 96 ... s),
never beyond MAX_DELAY_SECONDS: an attacker cannot lock a colleague out for longer than that.
Failures are forgotten FAILURE_MEMORY_SECONDS after the first; a success clears the account's
count (not the address's, which another account could otherwise reset).

The counts live in the rate limiter's storage, so with REDIS_URL every worker shares them. The
API and the dashboard call the same functions.
"""

from __future__ import annotations

import hashlib
import math

from flask import current_app
from limits import parse

from app.extensions import current_limiter
from app.services import clock
from app.services.errors import RateLimited

MAX_DELAY_SECONDS = 300
FAILURE_MEMORY_SECONDS = 3600


class Throttled(RateLimited):
    """Too many failed log-ins: the next attempt is allowed after `retry_after` seconds."""

    code = "too_many_attempts"

    def __init__(self, retry_after: int):
        super().__init__(
            f"Too many failed log-ins: try again in {retry_after} seconds.", retry_after
        )


def _keys(email: str, address: str) -> tuple[str, str]:
    prefix = "login-throttle:" + current_app.config.get("RATELIMIT_KEY_PREFIX", "")
    account = hashlib.sha256(email.strip().lower().encode()).hexdigest()  # no e-mail in Redis
    return f"{prefix}account:{account}", f"{prefix}address:{address}"


def _enabled() -> bool:
    return bool(current_app.config["RATELIMIT_ENABLED"])


def check(email: str, address: str) -> None:
    """Raise Throttled if this account or this address must still wait."""
    if not _enabled():
        return
    storage, now_ms = current_limiter().storage, _milliseconds()
    wait_ms = max(storage.get(key + ":until") - now_ms for key in _keys(email, address))
    if wait_ms > 0:
        raise Throttled(math.ceil(wait_ms / 1000))


def failed(email: str, address: str) -> None:
    """Count a failure on the account and the address; from the allowance on, set a wait."""
    if not _enabled():
        return
    rate = parse(current_app.config["RATELIMIT_LOGIN"])
    first_delay = rate.get_expiry() / rate.amount
    storage, now_ms = current_limiter().storage, _milliseconds()
    for key in _keys(email, address):
        excess = storage.incr(key + ":failures", FAILURE_MEMORY_SECONDS) - rate.amount
        if excess >= 0:
            delay = min(first_delay * 2 ** min(excess, 32), MAX_DELAY_SECONDS)
            storage.clear(key + ":until")
            # The value is when the wait ends, in ms (storages count integers); the expiry
            # only cleans up, so a moved clock (tests) is obeyed.
            storage.incr(key + ":until", math.ceil(delay) + 1, amount=now_ms + int(delay * 1000))


def _milliseconds() -> int:
    return int(clock.now().timestamp() * 1000)


def succeeded(email: str, address: str) -> None:
    if _enabled():
        storage = current_limiter().storage
        account, _ = _keys(email, address)
        storage.clear(account + ":failures")
        storage.clear(account + ":until")
