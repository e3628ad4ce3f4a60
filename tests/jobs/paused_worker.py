"""`python -m app.worker`, except that a chunk stops after writing its rows, before its commit,
and says so in Redis (key PAUSED_KEY): test_rq_workers kills it there with SIGKILL.

Run as a script by the test (the patch reaches the work-horse: RQ forks it from this process).
"""

from __future__ import annotations

import os
import sys
import threading

import redis

from app.services import rescore
from app.worker import main

PAUSED_KEY = "jobs-test:paused-in-chunk"


def store_then_hang(*args, **kwargs):
    _store(*args, **kwargs)  # the chunk's rows are written, its transaction still open
    redis.Redis.from_url(os.environ["REDIS_URL"]).set(PAUSED_KEY, os.getpid())
    threading.Event().wait()  # until killed


_store = rescore._store

if __name__ == "__main__":
    rescore._store = store_then_hang
    sys.exit(main([]))
