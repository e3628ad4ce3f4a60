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
        self.registry = Registry(app.config["MODEL_REGISTRY_DIR"])
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
            return self.model
        with self._lock:
            self.model = model
        log.info("serving model %s", model.version)
        return model

    @property
    def version(self) -> str | None:
        return self.model.version if self.model else None


def model_service() -> ModelService:
    return current_app.extensions["model_service"]
