"""Request bodies parsed with a depth guard: a deeply nested document is bad JSON, not a crash.

The standard parser raises RecursionError (not ValueError) on a body nested some thousand levels
deep, so Flask's `get_json` let it through as a 500. Turned into ValueError here, it becomes
Flask's own 400 (and `silent=True` gives None) for the API, the log-in's rate-limit key and
the Dash callbacks alike.
"""

from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider


class DepthSafeJSONProvider(DefaultJSONProvider):
    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None
