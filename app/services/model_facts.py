"""What a model version is, for people: its algorithm and the day it was trained, read from
the registry's metadata (a version no longer in the registry keeps the day its name carries)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from app.services.models import model_service
from modelling.registry import RegistryError


def _trained_on(version: str) -> str | None:
    """The day a version's name was stamped with (names are "<UTC time>-<hash>")."""
    try:
        return datetime.strptime(version.partition("-")[0], "%Y%m%dT%H%M%SZ").date().isoformat()
    except ValueError:
        return None


def model_facts(versions: Iterable[str | None]) -> dict[str, dict]:
    """{version: {"algorithm": "catboost" | None, "trained_on": "2026-12-03" | None}}."""
    registry = model_service().registry
    facts = {}
    for version in {v for v in versions if v}:
        algorithm = None
        try:
            algorithm = registry.metadata(version).get("algorithm") if registry else None
        except (RegistryError, AttributeError):
            algorithm = None
        facts[version] = {"algorithm": algorithm, "trained_on": _trained_on(version)}
    return facts
