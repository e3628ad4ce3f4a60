"""The registered model versions and the one being served, as plain data, with their approvals.

The listing holds the local registry's versions and those only published to the database
(another instance trained or approved them); `active` is the version the database chose (the
registry's ACTIVE file while it names none).
"""

from __future__ import annotations

import json

from flask import current_app

from app.services import lifecycle, model_store
from app.services.errors import Unavailable
from app.services.models import model_service


def versions() -> list[dict]:
    rows = {row["version"]: row for row in model_service().registry.versions()}
    for published in model_store.published_versions():
        if published.version not in rows:
            rows[published.version] = _summary(published.version, published.metadata_file)
    chosen, approvals = lifecycle.choice()["active"], lifecycle.approvals()
    return [
        rows[version] | {"active": version == chosen, "approval": approvals.get(version)}
        for version in sorted(rows, reverse=True)
    ]


def _summary(version: str, metadata_file: bytes) -> dict:
    try:
        meta = json.loads(metadata_file)
    except ValueError:
        meta = None
    meta = meta if isinstance(meta, dict) else {}
    holdout = meta.get("holdout")
    return {
        "version": version,
        "created_at": meta.get("created_at"),
        "algorithm": meta.get("algorithm"),
        "active": False,
        "metrics": holdout.get("metrics", {}) if isinstance(holdout, dict) else {},
    }


def active() -> dict:
    model = model_service().model
    if model is None:
        raise Unavailable("No model is being served.")
    metadata = model.metadata
    return {
        "version": model.version,
        "algorithm": metadata.get("algorithm"),
        "created_at": metadata.get("created_at"),
        "threshold": model.threshold,
        "review_margin": float(current_app.config["REVIEW_MARGIN"]),
        "metrics": metadata.get("holdout", {}).get("metrics", {}),
        "approval": lifecycle.approval_of(model.version),
    }
