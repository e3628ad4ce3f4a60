"""Dash callbacks, registered per page by `register(dash_app)` functions (dashboard issue)."""
