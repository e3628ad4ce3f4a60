"""Words shared by several pages (threshold, feature, counts, dates)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "threshold": "Threshold",
    "feature": "Feature",
    "clients": "Clients",
    "count": "Count",
    "days": "{days} days",
    "when": "Date",
    "what": "Event",
    "details": "Details",
    "email": "E-mail",
    "role": "Role",
    "active": "Active",
    "model_version": "Model version",
    "reco_favourable": "Favourable",
    "reco_review": "To review",
    "reco_unfavourable": "Unfavourable",
    "reco_manual_review": "Manual review",
}
