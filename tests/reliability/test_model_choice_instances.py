"""Two instances on one database (issue 12 §1): the active version chosen on one is served by
the other within seconds, without a restart, even when only the database holds it; a version
whose published bytes or manifest do not verify is refused and the model in service stays."""

from __future__ import annotations

import pytest
from lifecycle_helpers import NEXT, add_version, copy_registry, wait_for
from sqlalchemy import update

from app.database import current_database
from app.models import PublishedModel
from app.services import lifecycle
from app.services.users import create_user

PASSWORD = "Correct-Horse-42"
NEW = NEXT + "aaaaaaa"


@pytest.fixture
def instances(make_app, model_registry, tmp_path):
    """`first` holds both versions in its registry, `second` only the one active at start."""
    first_registry = copy_registry(model_registry, tmp_path / "first")
    add_version(first_registry, NEW)
    second_registry = copy_registry(model_registry, tmp_path / "second")
    first = make_app(MODEL_REGISTRY_DIR=str(first_registry.path))
    second = make_app(MODEL_REGISTRY_DIR=str(second_registry.path))
    with first.app_context():
        admin = create_user("admin@bank.example", "admin", PASSWORD)
        lifecycle.approve(NEW, admin, "Validation report read.", fresh_login=True)
    return first, second, second_registry


def served_by(app) -> str | None:
    return app.test_client().get("/api/v1/health").get_json()["model_version"]


def test_a_version_activated_on_one_instance_is_served_by_the_other(instances):
    first, second, second_registry = instances
    before = second_registry.active_version()
    assert served_by(second) == before and not (second_registry.path / NEW).exists()
    with first.app_context():
        lifecycle.activate(NEW, None)
    assert served_by(first) == NEW  # its own change at once

    def second_serves_the_new_version():
        return served_by(second) == NEW

    wait_for(second_serves_the_new_version, deadline_seconds=5)
    # Loaded from the database, then verified from the folder written back.
    assert (second_registry.path / NEW / "model.cbm").is_file()
    assert second_registry.active_version() == before  # the ACTIVE file is only the default


def test_the_challenger_chosen_on_one_instance_shadows_on_the_other(instances):
    first, second, _ = instances
    with first.app_context():
        lifecycle.set_challenger(NEW, None)

    def second_has_the_challenger():
        with second.test_request_context():
            challenger = second.extensions["model_service"]
            challenger.sync()
            return challenger.challenger is not None and challenger.challenger.version == NEW

    wait_for(second_has_the_challenger, deadline_seconds=5)


def tamper_artefact(row: dict) -> dict:
    data = bytearray(row["artefact"])
    data[len(data) // 2] ^= 0xFF
    return {"artefact": bytes(data)}


def tamper_manifest(row: dict) -> dict:
    return {"manifest": row["manifest"].replace(row["sha256"], "0" * 64)}


@pytest.mark.parametrize(
    ("tamper", "logged"),
    [
        (tamper_artefact, "does not match its sha256"),
        (tamper_manifest, "published manifest refused"),
    ],
)
def test_a_published_version_that_does_not_verify_is_refused(instances, caplog, tamper, logged):
    first, second, second_registry = instances
    before = second_registry.active_version()
    with first.app_context():
        session = current_database().session
        row = session.get(PublishedModel, NEW)
        changes = tamper({"artefact": row.artefact, "manifest": row.manifest, "sha256": row.sha256})
        with current_database().transaction():
            session.execute(
                update(PublishedModel).where(PublishedModel.version == NEW).values(**changes)
            )
        lifecycle.activate(NEW, None)

    def refusal_logged():
        served_by(second)
        return logged in caplog.text

    wait_for(refusal_logged, deadline_seconds=5)
    assert served_by(second) == before
    assert not (second_registry.path / NEW).exists()  # nothing written from a refused row
