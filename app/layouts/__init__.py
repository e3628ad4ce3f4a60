"""Dash page layouts: pure component trees, ids prefixed by page (built in the dashboard issue)."""
