"""The dashboard's one answer to a callback that fails: a message in the reader's language.

Registered as the Dash app's `on_error` (Dash's public hook for every callback), so no callback
needs its own catch-all: the error is logged with a short reference and the page is replaced by
a clean message quoting it, never left half drawn. A database outage is not handled here: it
goes on to Flask's handler (503), which the page's outage notice watches for.
"""

from __future__ import annotations

import logging
import uuid

from dash import set_props
from sqlalchemy.exc import OperationalError

from app.layouts.common import error_page
from app.web.session import session_language

log = logging.getLogger(__name__)
PAGE_SLOT = "_pages_content"  # where dash.page_container draws the page of the address


def callback_failed(error: Exception) -> None:
    if isinstance(error, OperationalError):
        raise error
    reference = uuid.uuid4().hex[:8]
    log.error("dashboard callback failed (reference %s)", reference, exc_info=error)
    set_props(PAGE_SLOT, {"children": error_page(session_language(), reference)})
    # None: Dash leaves the failed callback's own outputs as they were (the page is replaced).
