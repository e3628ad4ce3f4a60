"""A corrupted or tampered model file is refused at start and at promotion, and the service
keeps serving the last good model."""

from __future__ import annotations

import json
import shutil

import pytest

from app.services.models import model_service
from app.services.users import create_user
from modelling.registry import Registry, RegistryError

PASSWORD = "Correct-Horse-42"
GOOD = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 0, "credit_score": 720}


@pytest.fixture
def registry(model_registry, tmp_path) -> Registry:
    copy = Registry(tmp_path / "served-registry")
    shutil.copytree(model_registry, copy.path)
    return copy


def tamper(registry: Registry, version: str) -> None:
    """Flip one byte in the middle of the artefact, as a disk fault or an intruder would."""
    meta = json.loads((registry.path / version / "metadata.json").read_text())
    artefact = registry.path / version / meta["artefact"]["file"]
    data = bytearray(artefact.read_bytes())
    data[len(data) // 2] ^= 0xFF
    artefact.write_bytes(bytes(data))


def score(app):
    http = app.test_client()
    with app.app_context():
        create_user("adviser@bank.example", "adviser", PASSWORD)
    token = http.post(
        "/api/v1/auth/login", json={"email": "adviser@bank.example", "password": PASSWORD}
    ).get_json()
    return http.post(
        "/api/v1/score", json=GOOD, headers={"Authorization": f"Bearer {token['access_token']}"}
    )


def test_a_tampered_model_is_refused_at_start(make_app, registry, caplog):
    version = registry.active_version()
    tamper(registry, version)
    app = make_app(MODEL_REGISTRY_DIR=str(registry.path))
    assert f"version {version}: artefact" in caplog.text and "changed or corrupted" in caplog.text
    with app.app_context():
        assert model_service().model is None
    health = app.test_client().get("/api/v1/health").get_json()
    assert health == {"status": "degraded", "database": "ok", "model_version": None}
    refused = score(app)
    assert refused.status_code == 503 and refused.headers["Retry-After"]
    assert refused.get_json()["error"]["code"] == "model_unavailable"


def test_a_tampered_version_is_refused_at_promotion_and_the_service_keeps_its_model(
    make_app, registry
):
    good = registry.active_version()
    app = make_app(MODEL_REGISTRY_DIR=str(registry.path))
    # A second version whose artefact no longer matches its recorded sha256.
    bad = good[:-7] + "0000000"
    shutil.copytree(registry.path / good, registry.path / bad)
    tamper(registry, bad)
    with pytest.raises(RegistryError, match=f"{bad}.*changed or corrupted"):
        registry.promote(bad)
    assert registry.active_version() == good  # ACTIVE untouched
    with app.app_context():
        served = model_service().model
        # The file in service is damaged on disk too: a reload refuses it and keeps the model.
        tamper(registry, good)
        assert model_service().reload() is served
        assert model_service().version == good
    response = score(app)
    assert response.status_code == 200 and response.get_json()["model_version"] == good
