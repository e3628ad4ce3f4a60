"""A daily quota of ad-hoc scores per identity, so that nobody can fill the store with them.

Ad-hoc scores are feature sets that are not a stored client: API /score and /score/batch (each
stored for RETENTION_ADHOC_SCORE_DAYS) and the dashboard's simulator (not stored, but the same
model work). Each identity may score ADHOC_SCORE_DAILY_QUOTA of them per day, both faces
together; a batch counts its clients. The counters live in the rate limits' store (`limits`,
on Redis when REDIS_URL is set, so every worker shares them; in memory, per process, otherwise).
"""

from __future__ import annotations

import math
import threading
import time

from flask import current_app
from limits import RateLimitItemPerDay
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from app.models import User
from app.services.errors import RateLimited

NAMESPACE = "adhoc_score"
_EXTENSION = "adhoc_score_quota"
_lock = threading.Lock()


class QuotaExceeded(RateLimited):
    code = "adhoc_quota_exceeded"

    def __init__(self, quota: int, retry_after: int) -> None:
        super().__init__(
            f"The daily quota of {quota} ad-hoc scores for this identity is spent "
            f"(ADHOC_SCORE_DAILY_QUOTA): try again in {retry_after} seconds.",
            retry_after,
        )
        self.quota = quota


def _limiter() -> FixedWindowRateLimiter:
    extensions = current_app.extensions
    with _lock:
        if _EXTENSION not in extensions:
            storage = storage_from_string(current_app.config["RATELIMIT_STORAGE_URI"])
            extensions[_EXTENSION] = FixedWindowRateLimiter(storage)
    return extensions[_EXTENSION]


def spend_adhoc(actor: User, count: int) -> None:
    """Count `count` ad-hoc scores against the actor's day, or refuse them all (nothing spent)."""
    if count <= 0:
        return
    quota = current_app.config["ADHOC_SCORE_DAILY_QUOTA"]
    item, limiter, identity = RateLimitItemPerDay(quota), _limiter(), str(actor.id)
    # One atomic increment (one Redis round trip) on the way that serves; a refusal gives
    # its count back, so a batch too large for what is left spends nothing.
    if not limiter.hit(item, NAMESPACE, identity, cost=count):
        limiter.storage.incr(item.key_for(NAMESPACE, identity), item.get_expiry(), amount=-count)
        reset_at = limiter.get_window_stats(item, NAMESPACE, identity).reset_time
        raise QuotaExceeded(quota, max(1, math.ceil(reset_at - time.time())))
