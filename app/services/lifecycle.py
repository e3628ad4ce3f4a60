"""Model lifecycle use cases (issue 12 §1, §4): approve a version, make it active, set or stop
the challenger. One set of rules for the API, the dashboard and the command line.

A version is served only with an approval: who (an admin), when, a note, an optional validation
reference and the artefact's sha256 at approval. The approver must not be the account that
trained the version when training recorded one (metadata "trained_by"). Approving publishes the
version to the database (services/model_store) so that every instance can load it. The choice of
the active version and of the challenger is a database setting each instance polls
(services/models). Promoting the challenger is approving it, then activating it.
"""

from __future__ import annotations

import logging

from flask import current_app
from sqlalchemy import select

from app.database import current_database
from app.models import AppSetting, ModelApproval, PublishedModel, User, utcnow
from app.models.lifecycle import MAX_NOTE, MAX_REFERENCE, SYSTEM
from app.services import audit, model_store, permissions
from app.services.errors import Conflict, FreshLoginRequired, Invalid, NotFound, Unavailable
from app.services.models import (
    ACTIVE_SETTING,
    CHALLENGER_SETTING,
    artefact_sha256,
    model_service,
    read_choice,
)
from modelling.registry import VERSION_PATTERN, RegistryError

log = logging.getLogger(__name__)

AUTOMATIC_NOTE = "development: automatic approval"


def check_version(version) -> str:
    if not isinstance(version, str) or not VERSION_PATTERN.match(version):
        raise Invalid(
            "Invalid model version.",
            {"version": "must be a version id such as 20260101T120000Z-1a2b3c4"},
        )
    return version


def check_note(note) -> str:
    if not isinstance(note, str) or not note.strip():
        raise Invalid("Invalid approval.", {"note": "is required: say what was checked"})
    if len(note) > MAX_NOTE:
        raise Invalid("Invalid approval.", {"note": f"must be at most {MAX_NOTE} characters"})
    return note.strip()


def check_reference(reference) -> str | None:
    if reference is None or (isinstance(reference, str) and not reference.strip()):
        return None
    if not isinstance(reference, str) or len(reference) > MAX_REFERENCE:
        raise Invalid(
            "Invalid approval.",
            {"reference": f"must be text of at most {MAX_REFERENCE} characters"},
        )
    return reference.strip()


def approval_view(row: ModelApproval | None) -> dict | None:
    """The approval as the API and the pages show it."""
    if row is None:
        return None
    return {
        "by": row.approver,
        "at": row.approved_at.isoformat(),
        "note": row.note,
        "reference": row.reference,
    }


def approvals() -> dict[str, dict]:
    rows = current_database().session.scalars(select(ModelApproval))
    return {row.version: approval_view(row) for row in rows}


def approval_of(version: str) -> dict | None:
    return approval_view(current_database().session.get(ModelApproval, version))


def choice() -> dict:
    """The versions chosen in the database, the registry's default standing in for the active."""
    with current_database().engine.connect() as connection:
        chosen = read_choice(connection)
    return {
        "active": chosen.active or model_service().registry.active_version(),
        "challenger": chosen.challenger,
    }


def _known(version: str) -> None:
    """NotFound unless the local registry or the database holds the version."""
    registry = model_service().registry
    if model_store.has_local(registry, version):
        return
    if current_database().session.get(PublishedModel, version) is None:
        raise NotFound("No such model version.")


def _loadable(version: str):
    """The version, verified and loaded (fetched from the database when only it holds it)."""
    service = model_service()
    try:
        model_store.fetch(service.registry, version)
        return service.registry.load(version)
    except RegistryError as exc:
        raise Conflict(f"This version cannot be served: {exc}", code="model_unusable") from None


def approve(version, actor: User, note, reference=None, *, fresh_login: bool) -> dict:
    """Record the actor's approval of a version (201 in the API)."""
    permissions.require(actor, "approve_model")
    if not fresh_login:
        raise FreshLoginRequired(
            "Approving a model needs a fresh log-in: give your password again."
        )
    version, note, reference = check_version(version), check_note(note), check_reference(reference)
    _known(version)
    session = current_database().session
    if session.get(ModelApproval, version) is not None:
        raise Conflict("This version is already approved.", code="already_approved")
    model = _loadable(version)
    trainer = model.metadata.get("trained_by")
    if isinstance(trainer, str) and trainer.strip().lower() == actor.email.lower():
        raise permissions.ActionForbidden("approve_model", "own_model")
    with current_database().transaction():
        row = _record(model, actor.id, actor.email, note, reference)
        audit.record(
            "model_approval", actor.id, model_version=version, details={"sha256": row.sha256}
        )
    model_service().refresh()
    return {"version": version, "approval": approval_view(row)}


def approve_automatically(model) -> str:
    """Outside production, the served version is approved by the system so that `make run`
    and the tests serve with no extra step; returns the sha256 approved."""
    version = model.version
    with current_database().transaction():
        row = _record(model, None, SYSTEM, AUTOMATIC_NOTE, None)
        audit.record("model_approval", None, model_version=version, details={"sha256": row.sha256})
    return row.sha256


def _record(model, actor_id, approver: str, note: str, reference) -> ModelApproval:
    published = model_store.publish(model_service().registry, model.version, actor_id)
    if published.sha256 != artefact_sha256(model):
        raise Conflict("The published artefact differs from the local one.", code="model_unusable")
    row = ModelApproval(
        version=model.version,
        approved_by=actor_id,
        approver=approver,
        note=note,
        reference=reference,
        sha256=published.sha256,
        approved_at=utcnow(),
    )
    current_database().session.add(row)
    return row


def activate(version, actor: User | None) -> dict:
    """Make an approved version the active one on every instance (within
    MODEL_SETTING_POLL_SECONDS). `actor` None: the command line's operator."""
    if actor is not None:
        permissions.require(actor, "activate_model")
    version = check_version(version)
    _known(version)
    approval = current_database().session.get(ModelApproval, version)
    if approval is None:
        raise Conflict("This version has no approval: approve it first.", code="not_approved")
    current = choice()
    promoted = current["challenger"] == version
    with current_database().transaction():
        _set(ACTIVE_SETTING, version, actor)
        if promoted:  # the challenger is now the champion: nothing left to shadow
            _set(CHALLENGER_SETTING, None, actor)
        details = {"previous": current["active"], "promoted_challenger": promoted}
        audit.record("model_activation", _id(actor), model_version=version, details=details)
    model_service().refresh()
    if current_app.config["RESCORE_ON_ACTIVATION"]:
        _rescore_portfolio(actor)
    return choice()


def _rescore_portfolio(actor: User | None) -> None:
    """The clients' stored probabilities come from the model that scored them: rescore them
    all with the one just activated (chunks on the RQ workers, or here without Redis). A
    portfolio that cannot be rescored now (model switched off) keeps the activation."""
    from app.services import jobs

    try:
        job_id = jobs.enqueue_rescore(actor, "model_activation")
    except Unavailable as exc:
        log.warning("rescoring after the activation not started: %s", exc)
        return
    log.info("rescoring after the activation: job %s", job_id)


def set_challenger(version, actor: User | None) -> dict:
    """Score every request in shadow with this version too (stored, never shown)."""
    if actor is not None:
        permissions.require(actor, "activate_model")
    version = check_version(version)
    _known(version)
    if choice()["active"] == version:
        raise Conflict("This version is the active one.", code="already_active")
    model = _loadable(version)
    with current_database().transaction():
        model_store.publish(model_service().registry, model.version, _id(actor))
        _set(CHALLENGER_SETTING, version, actor)
        audit.record("model_challenger", _id(actor), model_version=version, details={"on": True})
    model_service().refresh()
    return choice()


def stop_challenger(actor: User | None) -> dict:
    if actor is not None:
        permissions.require(actor, "activate_model")
    stopped = choice()["challenger"]
    with current_database().transaction():
        _set(CHALLENGER_SETTING, None, actor)
        audit.record("model_challenger", _id(actor), model_version=stopped, details={"on": False})
    model_service().refresh()
    return choice()


def _set(key: str, value: str | None, actor: User | None) -> None:
    session = current_database().session
    setting = session.get(AppSetting, key)
    if setting is None:
        setting = AppSetting(key=key)
        session.add(setting)
    setting.value, setting.updated_at, setting.updated_by = value, utcnow(), _id(actor)


def _id(actor: User | None):
    return actor.id if actor is not None else None
