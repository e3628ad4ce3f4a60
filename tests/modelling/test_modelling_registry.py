"""Registry round trip, tamper refusal and the monotonicity of the registered CatBoost model."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelling.features import BY_NAME, FEATURE_NAMES, MIN_WORKING_AGE
from modelling.registry import Registry, RegistryError


def test_versions_and_active(catboost_registry):
    versions = catboost_registry.versions()
    assert len(versions) == 1
    summary = versions[0]
    assert summary["active"] and summary["version"] == catboost_registry.active_version()
    assert summary["algorithm"] == "catboost"
    assert 0.5 < summary["metrics"]["auc"] <= 1
    assert set(summary) >= {"version", "created_at", "algorithm", "active", "metrics"}


def test_metadata_content(served_catboost):
    meta = served_catboost.metadata
    assert [f["name"] for f in meta["feature_schema"]] == list(FEATURE_NAMES)
    assert {f["name"]: f["monotone"] for f in meta["feature_schema"]} == {
        n: BY_NAME[n].monotone for n in FEATURE_NAMES
    }
    for key in (
        "threshold",
        "costs",
        "candidates",
        "data",
        "libraries",
        "training",
        "artefact",
        "cost_curve",
        "shap_importance",
        "fairness",
        "true_pd",
    ):
        assert key in meta
    assert meta["artefact"]["file"] == "model.cbm"
    assert len(meta["data"]["fingerprint_sha256"]) == 64
    assert meta["training"]["wall_seconds"] > 0 and meta["training"]["cpu_seconds"] > 0
    roc = meta["candidates"]["catboost"]["curves"]["roc"]
    assert roc[0] == {"fpr": 0.0, "tpr": 0.0} and roc[-1] == {"fpr": 1.0, "tpr": 1.0}
    assert 0 < served_catboost.threshold < 1


def test_report_is_self_contained(catboost_registry):
    folder = catboost_registry.path / catboost_registry.active_version()
    html = (folder / "report.html").read_text()
    assert "<script src" not in html.lower() and "<link" not in html.lower()
    assert "Fairness of the served policy by age band" in html and "Comparison" in html
    assert "## Must not be used for" in (folder / "model_card.md").read_text()


def test_promote_and_tamper_refusal(catboost_registry, tmp_path):
    registry = Registry(tmp_path / "copy")
    shutil.copytree(catboost_registry.path, registry.path)
    version = registry.active_version()
    (registry.path / "ACTIVE").unlink()
    assert registry.active_version() is None
    registry.promote(version)
    assert registry.active_version() == version
    served = registry.load()
    row = np.array([[40, 30_000, 5, 1, 650]])
    before = served.predict_proba(row)

    artefact = registry.path / version / "model.cbm"
    data = bytearray(artefact.read_bytes())
    data[len(data) // 2] ^= 0xFF
    artefact.write_bytes(bytes(data))
    with pytest.raises(RegistryError, match=rf"{version}.*changed or corrupted"):
        registry.load(version)
    with pytest.raises(RegistryError, match=version):
        registry.promote(version)
    np.testing.assert_array_equal(served.predict_proba(row), before)  # old object unaffected


def test_load_errors(tmp_path, catboost_registry):
    with pytest.raises(RegistryError, match="no active version"):
        Registry(tmp_path).load()
    with pytest.raises(RegistryError, match="not found"):
        catboost_registry.load("20000101T000000Z-abcdef0")
    with pytest.raises(RegistryError, match="not a valid version"):
        catboost_registry.load("../etc")
    assert Registry(tmp_path / "absent").versions() == []


def test_metadata_json_is_strict(catboost_registry):
    text = catboost_registry.path / catboost_registry.active_version() / "metadata.json"
    json.loads(text.read_text(), parse_constant=lambda c: pytest.fail(f"non-JSON {c}"))


@st.composite
def clients(draw):
    age = draw(st.integers(18, 100))
    return np.array(
        [
            age,
            draw(st.floats(0, 300_000)),
            draw(st.floats(0, age - MIN_WORKING_AGE)),
            draw(st.integers(0, 30)),
            draw(st.integers(300, 850)),
        ],
        dtype=float,
    )


@pytest.mark.parametrize("feature", ["income", "seniority", "incidents", "credit_score"])
@settings(max_examples=150, deadline=None)
@given(row=clients(), step=st.floats(0, 1))
def test_registered_catboost_is_monotone(served_catboost, feature, row, step):
    """More incidents never lowers the PD; more income, seniority or score never raises it."""
    j = FEATURE_NAMES.index(feature)
    spec = BY_NAME[feature]
    upper = row[0] - MIN_WORKING_AGE if feature == "seniority" else min(spec.maximum, 300_000)
    higher = row.copy()
    higher[j] = row[j] + step * (upper - row[j])
    low, high = served_catboost.predict_proba(np.vstack([row, higher]))
    assert (high - low) * spec.monotone >= -1e-12


def test_training_signs_and_an_unsigned_version_loads_only_once_signed(catboost_registry, tmp_path):
    from modelling.cli import main

    registry = Registry(tmp_path / "copy")
    shutil.copytree(catboost_registry.path, registry.path)
    version = registry.active_version()
    assert registry.verify(version)[0].name == "model.cbm"
    (registry.path / version / "manifest.json").unlink()  # as a version from before manifests
    with pytest.raises(RegistryError, match=f"{version}: no signed manifest"):
        registry.load(version)
    assert main(["sign", version, "--registry", str(registry.path)]) == 0
    assert registry.load(version).version == version
    with pytest.raises(RegistryError, match="signature does not match"):
        Registry(registry.path, signing_key="k" * 40).load(version)


@pytest.mark.parametrize("command", ["train", "ensure", "promote", "sign"])
def test_a_production_build_without_the_signing_key_stops_before_training(
    command, tmp_path, monkeypatch, capsys
):
    from modelling.cli import main

    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.delenv("MODEL_SIGNING_KEY", raising=False)
    version = ["20261203T000000Z-0000000"] if command in ("promote", "sign") else ["--quick"]
    assert main([command, *version, "--registry", str(tmp_path / "registry")]) == 1
    assert "MODEL_SIGNING_KEY is not set" in capsys.readouterr().err
    assert not (tmp_path / "registry").exists()
