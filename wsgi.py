"""Gunicorn and `flask --app wsgi` entry point."""

import sys

from app import create_app
from app.config import ConfigError

try:
    app = create_app()
except ConfigError as exc:  # one clear line, no traceback (e.g. a default secret in production)
    sys.stderr.write(f"configuration error: {exc}\n")
    raise SystemExit(1) from None
