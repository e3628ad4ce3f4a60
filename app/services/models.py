"""The model registry, loaded once at start-up and shared by the API and the dashboard."""

from __future__ import annotations

import logging
import threading

from flask import Flask, current_app

from modelling.registry import Registry, RegistryError, ServedModel

log = logging.getLogger(__name__)


class ModelService:
    """Holds the served model; a failed (re)load keeps the model already in service."""

    def __init__(self) -> None:
        self.registry: Registry | None = None
        self.model: ServedModel | None = None
        self._lock = threading.Lock()

    def init_app(self, app: Flask) -> None:
        self.registry = Registry(app.config["MODEL_REGISTRY_DIR"], app.config["MODEL_SIGNING_KEY"])
        app.extensions["model_service"] = self
        self.reload()

    def reload(self) -> ServedModel | None:
        """Load the active version; on any registry error keep serving the current model."""
        try:
            if self.registry.active_version() is None:
                log.warning(
                    "no model is registered in %s: scoring is unavailable "
                    "(run `python -m modelling ensure`)",
                    self.registry.path,
                )
                return self.model
            model = self.registry.load()
        except RegistryError as exc:
            log.error("model not loaded, keeping %s: %s", self.version or "no model", exc)
            if self.model is None:  # at start-up nothing is in service yet
                return self._serve_previous_valid(self.registry.active_version())
            return self.model
        return self._serve(model)

    def _serve(self, model: ServedModel) -> ServedModel:
        with self._lock:
            self.model = model
        log.info("serving model %s", model.version)
        return model

    def _serve_previous_valid(self, refused: str | None) -> ServedModel | None:
        """The newest version older than the refused one whose signed manifest verifies: the
        one most likely in service before. None (scores answer 503) when there is none."""
        for row in self.registry.versions():
            if refused is not None and row["version"] >= refused:
                continue
            try:
                model = self.registry.load(row["version"])
            except RegistryError as exc:
                log.error("previous version not loaded either: %s", exc)
                continue
            log.error("active version %s refused: serving %s instead", refused, model.version)
            return self._serve(model)
        log.error("no valid model version in %s: scoring is unavailable", self.registry.path)
        return None

    @property
    def version(self) -> str | None:
        return self.model.version if self.model else None


def model_service() -> ModelService:
    return current_app.extensions["model_service"]
