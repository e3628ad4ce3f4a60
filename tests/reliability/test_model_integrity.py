"""A corrupted or tampered model file is refused at start and at promotion, and the service
keeps serving the last good model."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from catboost import CatBoostClassifier

from app.services.models import model_service
from app.services.users import create_user
from modelling.registry import Registry, RegistryError, sha256_file
from modelling.signing import MANIFEST

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


def impostor_model(path) -> None:
    """A different, perfectly loadable CatBoost model, as someone swapping the artefact would
    bring."""
    rng = np.random.default_rng(1)
    features = rng.uniform(0, 100, (200, 5))
    model = CatBoostClassifier(iterations=5, depth=2, verbose=False, allow_writing_files=False)
    model.fit(features, (features[:, 0] > 50).astype(int))
    model.save_model(str(path), format="cbm")


def rewrite_metadata(registry: Registry, version: str, change) -> None:
    path = registry.path / version / "metadata.json"
    meta = json.loads(path.read_text())
    change(meta)
    path.write_text(json.dumps(meta))


def test_a_swapped_artefact_with_its_sha256_rewritten_is_refused(make_app, registry, caplog):
    """The sha256 next to the artefact proves nothing: the signed manifest does."""
    version = registry.active_version()
    artefact = registry.path / version / "model.cbm"
    impostor_model(artefact)
    rewrite_metadata(
        registry, version, lambda meta: meta["artefact"].update(sha256=sha256_file(artefact))
    )
    app = make_app(MODEL_REGISTRY_DIR=str(registry.path))
    assert f"version {version}: artefact model.cbm has been changed" in caplog.text
    with app.app_context():
        assert model_service().model is None
    assert score(app).status_code == 503


def test_a_manifest_forged_without_the_key_is_refused(registry):
    version = registry.active_version()
    registry.sign(version)  # a valid manifest, then one signed with a key of the intruder's own
    Registry(registry.path, signing_key="i" * 40).sign(version)
    with pytest.raises(RegistryError, match="signature does not match MODEL_SIGNING_KEY"):
        registry.load(version)


def break_metadata(registry: Registry, version: str, how: str) -> None:
    folder = registry.path / version
    if how == "metadata not JSON":
        (folder / "metadata.json").write_text("{not json")
    elif how == "metadata without its fields":
        rewrite_metadata(registry, version, lambda meta: meta.pop("algorithm"))
        Registry(registry.path).sign(version)  # even signed: a field is missing
    elif how == "manifest missing":
        (folder / MANIFEST).unlink()
    elif how == "manifest not JSON":
        (folder / MANIFEST).write_text("[")
    else:
        Registry(registry.path, signing_key="i" * 40).sign(version)


BREAKAGES = [
    "metadata not JSON",
    "metadata without its fields",
    "manifest missing",
    "manifest not JSON",
    "manifest signed with another key",
]


@pytest.mark.parametrize("how", BREAKAGES)
def test_bad_registry_metadata_keeps_the_model_in_service(make_app, registry, how):
    good = registry.active_version()
    app = make_app(MODEL_REGISTRY_DIR=str(registry.path))
    with app.app_context():
        served = model_service().model
        break_metadata(registry, good, how)
        assert model_service().reload() is served
        assert registry.versions()[0]["version"] == good  # the listing does not crash either
    assert score(app).get_json()["model_version"] == good


@pytest.mark.parametrize("how", BREAKAGES)
def test_at_start_a_bad_active_version_gives_way_to_the_previous_valid_one(
    make_app, registry, how, caplog
):
    newest = registry.active_version()
    previous = "20000101T000000Z-" + newest[-7:]  # the same model, registered earlier
    shutil.copytree(registry.path / newest, registry.path / previous)
    rewrite_metadata(registry, previous, lambda meta: meta.update(version=previous))
    registry.sign(previous)
    break_metadata(registry, newest, how)
    app = make_app(MODEL_REGISTRY_DIR=str(registry.path))
    assert f"active version {newest} refused: serving {previous} instead" in caplog.text
    health = app.test_client().get("/api/v1/health").get_json()
    assert health["model_version"] == previous
    assert score(app).get_json()["model_version"] == previous


@pytest.mark.parametrize("how", BREAKAGES)
def test_at_start_with_no_valid_version_the_service_runs_without_a_model(make_app, registry, how):
    break_metadata(registry, registry.active_version(), how)
    app = make_app(MODEL_REGISTRY_DIR=str(registry.path))
    assert app.test_client().get("/api/v1/health").get_json()["model_version"] is None
    refused = score(app)
    assert refused.status_code == 503
    assert refused.get_json()["error"]["code"] == "model_unavailable"
