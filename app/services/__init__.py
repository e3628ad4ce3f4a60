"""Use cases shared by the API and the dashboard: the only layer that commits."""
