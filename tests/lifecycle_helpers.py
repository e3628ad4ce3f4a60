"""Helpers for the model lifecycle tests (imported as `lifecycle_helpers`): registry copies with
extra versions, and waiting for an instance to pick up a change."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from modelling.registry import Registry

NEXT = "20300101T000000Z-"  # later than any version trained today: sorts first


def copy_registry(source: Path, target: Path) -> Registry:
    shutil.copytree(source, target)
    return Registry(target)


def add_version(registry: Registry, version: str, **metadata) -> str:
    """A second version of the active model under another id (signed like training signs)."""
    shutil.copytree(registry.path / registry.active_version(), registry.path / version)
    path = registry.path / version / "metadata.json"
    meta = json.loads(path.read_text())
    meta.update(version=version, **metadata)
    path.write_text(json.dumps(meta))
    registry.sign(version)
    return version


def wait_for(condition, deadline_seconds: float = 5.0, every: float = 0.05):
    """The condition's first truthy value, or AssertionError once the deadline has passed."""
    deadline = time.monotonic() + deadline_seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {deadline_seconds} s: {condition.__doc__ or ''}")
        time.sleep(every)
