"""Gunicorn settings, from the environment (Heroku and Render set PORT and WEB_CONCURRENCY)."""

import gc
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Load the app and the model once in the master; workers share the pages copy-on-write.
preload_app = True
timeout = 30
# On SIGTERM, workers finish the requests in flight before exiting.
graceful_timeout = 25
keepalive = 5
accesslog = "-"
# Only the path: query strings may carry filters, never put them in the access log.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
# The platform's router terminates TLS and sets X-Forwarded-Proto.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")


def when_ready(server):
    """In development (`make run`), once the server listens: the URL to open and the demo
    log-ins, after gunicorn's own start-up lines where the reader looks."""
    app = server.app.wsgi()
    from app.services.seeding import demo_welcome

    with app.app_context():
        lines = demo_welcome(str(server.LISTENERS[0]))
    for line in lines:
        server.log.info(line)


def pre_fork(server, worker):
    """Move the preloaded app (Dash, CatBoost, pandas: ~200,000 objects) out of the collector's
    reach: a worker's full collection walked them all (~0.1 s, measured) and wrote to the
    pages it shares with the master."""
    gc.freeze()


def post_fork(server, worker):
    """Connections opened in the master must not be shared with the forked workers."""
    app = server.app.wsgi()
    database = app.extensions.get("database")
    if database is not None and database.engine is not None:
        database.engine.dispose(close=False)
