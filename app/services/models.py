"""The served models: the active version (the champion) and, when one is set, the challenger
scored in shadow (issue 12).

Which versions these are is a database setting (services/lifecycle) that every instance and
worker reads; the registry's ACTIVE file is the default while the database names none. Each
instance re-reads the choice, and the approval of the version it serves, at most every
MODEL_SETTING_POLL_SECONDS (two small queries), and loads a version as soon as the choice
names another. A version missing from the local registry is fetched from the database
(services/model_store) and verified like any other. A failed load keeps the model in service.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from flask import Flask, current_app, has_app_context
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from app.database import current_database
from app.models import AppSetting, ModelApproval
from modelling.registry import Registry, RegistryError, ServedModel

log = logging.getLogger(__name__)

ACTIVE_SETTING = "active_model_version"
CHALLENGER_SETTING = "challenger_model_version"
NOT_APPROVED = "The active model version has no approval: it is not served."


@dataclass(frozen=True)
class Choice:
    """The versions the database names (None: the registry's default / no challenger)."""

    active: str | None = None
    challenger: str | None = None


def read_choice(connection) -> Choice:
    rows = connection.execute(
        select(AppSetting.key, AppSetting.value).where(
            AppSetting.key.in_((ACTIVE_SETTING, CHALLENGER_SETTING))
        )
    )
    values = {key: value for key, value in rows if isinstance(value, str) and value}
    return Choice(values.get(ACTIVE_SETTING), values.get(CHALLENGER_SETTING))


def approved_sha256(connection, version: str) -> str | None:
    return connection.execute(
        select(ModelApproval.sha256).where(ModelApproval.version == version)
    ).scalar()


def artefact_sha256(model: ServedModel | None) -> str | None:
    artefact = model.metadata.get("artefact") if model is not None else None
    return artefact.get("sha256") if isinstance(artefact, dict) else None


class ModelService:
    """Holds the served models; a failed (re)load keeps the model already in service."""

    def __init__(self) -> None:
        self.registry: Registry | None = None
        self._model: ServedModel | None = None
        self.challenger: ServedModel | None = None
        self._approved_sha256: str | None = None  # of the served version, as last read
        self._choice: Choice | None = None  # as last read; None: never read
        self._next_poll = 0.0
        self._poll_seconds = 2.0
        self.approval_required = False
        self._lock = threading.Lock()
        self._sync_lock = threading.Lock()

    def init_app(self, app: Flask) -> None:
        self.registry = Registry(app.config["MODEL_REGISTRY_DIR"], app.config["MODEL_SIGNING_KEY"])
        self._poll_seconds = float(app.config["MODEL_SETTING_POLL_SECONDS"])
        self.approval_required = bool(app.config["MODEL_APPROVAL_REQUIRED"])
        app.extensions["model_service"] = self
        with app.app_context():
            self._choice = self._read_choice(starting=True)
            self.reload()
            self._load_challenger()
            # Only here, on a session of its own: a poll may run inside a caller's transaction.
            self._read_approval(approve_missing=not self.approval_required, starting=True)

    @property
    def model(self) -> ServedModel | None:
        """The champion, after re-reading the database's choice when it is due."""
        self.sync()
        return self._model

    @property
    def version(self) -> str | None:
        model = self.model
        return model.version if model else None

    @property
    def approved(self) -> bool:
        """Whether the served version has an approval for the very artefact served."""
        model = self.model
        sha = artefact_sha256(model)
        return sha is not None and sha == self._approved_sha256

    @property
    def servable(self) -> bool:
        """What may score: an approved version, or any loaded one where approval is not
        required (development and tests approve it automatically anyway)."""
        return self.model is not None and (self.approved or not self.approval_required)

    def reload(self) -> ServedModel | None:
        """Load the active version; on any registry error keep serving the current model."""
        wanted = self._wanted()
        try:
            if wanted is None:
                log.warning(
                    "no model is registered in %s: scoring is unavailable "
                    "(run `python -m modelling ensure`)",
                    self.registry.path,
                )
                return self._model
            model = self._load(wanted)
        except (RegistryError, SQLAlchemyError) as exc:
            log.error("model not loaded, keeping %s: %s", self._served or "no model", exc)
            if self._model is None:  # at start-up nothing is in service yet
                return self._serve_previous_valid(wanted)
            return self._model
        return self._serve(model)

    def refresh(self) -> None:
        """Re-read the choice at the next use (this process's own change is seen at once)."""
        self._next_poll = 0.0

    def sync(self) -> None:
        """Re-read the choice when MODEL_SETTING_POLL_SECONDS have passed; load what changed.
        One thread does it while the others go on with the models in service."""
        if time.monotonic() < self._next_poll or not has_app_context():
            return
        if not self._sync_lock.acquire(blocking=False):
            return
        try:
            self._next_poll = time.monotonic() + self._poll_seconds
            choice = self._read_choice()
            if choice is None:
                return
            previous, self._choice = self._choice, choice
            if previous is None or choice.active != previous.active:
                self.reload()
            if previous is None or choice.challenger != previous.challenger:
                self._load_challenger()
            self._read_approval()
        finally:
            self._sync_lock.release()

    def _read_choice(self, starting: bool = False) -> Choice | None:
        try:
            with current_database().engine.connect() as connection:
                return read_choice(connection)
        except SQLAlchemyError as exc:  # not migrated yet (a set-up step), or the database is away
            # At start-up (`flask db upgrade` on a new database) this is expected: no warning.
            log.log(
                logging.INFO if starting else logging.WARNING,
                "model choice not read (%s): the registry's ACTIVE version is the default",
                exc.__class__.__name__,
            )
            return None

    def _read_approval(self, approve_missing: bool = False, starting: bool = False) -> None:
        served = self._served
        if served is None:
            self._approved_sha256 = None
            return
        try:
            with current_database().engine.connect() as connection:
                self._approved_sha256 = approved_sha256(connection, served)
        except SQLAlchemyError as exc:
            level = logging.INFO if starting else logging.WARNING
            log.log(level, "model approval not read (%s)", exc.__class__.__name__)
            return
        if self._approved_sha256 is None and approve_missing:
            self._approve_automatically(self._model)

    def _approve_automatically(self, model: ServedModel) -> None:
        from app.services import lifecycle  # the use cases import this module
        from app.services.errors import ServiceError

        try:
            self._approved_sha256 = lifecycle.approve_automatically(model)
        except IntegrityError:  # another worker starting at the same time approved it first
            self._read_approval()
        except (SQLAlchemyError, RegistryError, ServiceError) as exc:
            log.warning("version %s not approved automatically: %s", model.version, exc)

    def _wanted(self) -> str | None:
        choice = self._choice or Choice()
        return choice.active or self.registry.active_version()

    def _load(self, version: str) -> ServedModel:
        from app.services import model_store

        if not model_store.fetch(self.registry, version):
            raise RegistryError(
                f"version {version}: not found in {self.registry.path} nor in the database"
            )
        return self.registry.load(version)

    def _load_challenger(self) -> None:
        wanted = (self._choice or Choice()).challenger
        if wanted is None or wanted == (self.challenger and self.challenger.version):
            self.challenger = None if wanted is None else self.challenger
            return
        try:
            self.challenger = self._load(wanted)
            log.info("challenger %s scored in shadow", wanted)
        except (RegistryError, SQLAlchemyError) as exc:
            log.error("challenger %s not loaded, shadow scoring stopped: %s", wanted, exc)
            self.challenger = None

    @property
    def _served(self) -> str | None:
        return self._model.version if self._model else None

    def _serve(self, model: ServedModel) -> ServedModel:
        with self._lock:
            self._model = model
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


def model_service() -> ModelService:
    return current_app.extensions["model_service"]
