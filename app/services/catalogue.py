"""The registered model versions and the one being served, as plain data."""

from __future__ import annotations

from flask import current_app

from app.services.errors import Unavailable
from app.services.models import model_service


def versions() -> list[dict]:
    return model_service().registry.versions()


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
    }
