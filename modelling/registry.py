"""The model registry: one immutable folder per version, one ACTIVE pointer.

Layout::

    <registry>/ACTIVE                      the active version id (replaced atomically)
    <registry>/<version>/model.cbm         CatBoost native format (sklearn models: model.joblib)
    <registry>/<version>/metadata.json     everything about the training run
    <registry>/<version>/manifest.json     version, artefact and metadata sha256, HMAC-signed
    <registry>/<version>/report.html       self-contained comparison report (opens offline)
    <registry>/<version>/model_card.md

Versions are ``YYYYMMDDTHHMMSSZ-<first 7 hex of the artefact sha256>``, so they sort by time.
Loading checks the manifest's signature (modelling/signing.py), then re-hashes the artefact and
the metadata against it and refuses any change; it never touches an already loaded
ServedModel, so the caller keeps serving the old one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import joblib
import numpy as np
from catboost import CatBoostClassifier, CatBoostError

from modelling import signing
from modelling.explain import ServedModel, build_scorer
from modelling.features import FEATURES

ACTIVE = "ACTIVE"
METADATA = "metadata.json"
VERSION_PATTERN = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{7}$")
DEFAULT_DIR = "models/registry"


class RegistryError(Exception):
    """A version is missing, changed or unusable; the message names the version and the reason."""


def default_path() -> Path:
    return Path(os.environ.get("MODEL_REGISTRY_DIR") or DEFAULT_DIR)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Registry:
    """File-system registry; ``__init__`` only stores the path and the signing key."""

    def __init__(self, path: str | Path | None = None, signing_key: str | None = None):
        self.path = Path(path) if path is not None else default_path()
        self._signing_key = signing_key

    @property
    def signing_key(self) -> str:
        """The key given, else MODEL_SIGNING_KEY (read when first needed, not at creation)."""
        return self._signing_key or signing.signing_key()

    def versions(self) -> list[dict]:
        """Metadata summaries, newest first."""
        if not self.path.is_dir():
            return []
        active = self.active_version()
        rows = []
        for folder in sorted(self.path.iterdir(), reverse=True):
            if not (VERSION_PATTERN.match(folder.name) and (folder / METADATA).is_file()):
                continue
            try:
                meta = json.loads((folder / METADATA).read_text())
            except (OSError, ValueError):
                meta = None
            if not isinstance(meta, dict) or not isinstance(meta.get("holdout", {}), dict):
                meta = {"algorithm": None, "error": "unreadable metadata.json"}
            rows.append(
                {
                    "version": folder.name,
                    "created_at": meta.get("created_at"),
                    "algorithm": meta.get("algorithm"),
                    "active": folder.name == active,
                    "metrics": meta.get("holdout", {}).get("metrics", {}),
                }
            )
        return rows

    def active_version(self) -> str | None:
        try:
            return (self.path / ACTIVE).read_text().strip() or None
        except FileNotFoundError:
            return None

    def metadata(self, version: str) -> dict:
        path = self._folder(version) / METADATA
        try:
            return json.loads(path.read_text())
        except (OSError, ValueError) as exc:
            raise RegistryError(f"version {version}: unreadable metadata ({exc})") from None

    def load(self, version: str | None = None) -> ServedModel:
        """Verify the signed manifest, load the model and build its explainer; RegistryError if
        anything does not match."""
        version = version or self.active_version()
        if version is None:
            raise RegistryError(f"no active version in {self.path}")
        artefact, fmt = self.verify(version)
        meta = self.metadata(version)
        try:
            model = _read_artefact(artefact, fmt)
            served = ServedModel(version, build_scorer(meta["algorithm"], model), meta)
        except (
            CatBoostError,
            ValueError,
            KeyError,
            TypeError,
            OSError,
            EOFError,
            AttributeError,
        ) as exc:
            raise RegistryError(f"version {version}: cannot load the model ({exc!r})") from None
        _check_explanation(served, model, version)
        return served

    def verify(self, version: str) -> tuple[Path, str]:
        """Check the manifest's signature, the artefact's and the metadata's sha256 against it;
        return the artefact's path and format."""
        folder = self._folder(version)
        try:
            signed = signing.verify((folder / signing.MANIFEST).read_text(), self.signing_key)
            expected, name, fmt = (
                signed["artefact"]["sha256"],
                signed["artefact"]["file"],
                signed["artefact"]["format"],
            )
        except FileNotFoundError:
            raise RegistryError(f"version {version}: no signed manifest") from None
        except (OSError, signing.SignatureError) as exc:
            raise RegistryError(f"version {version}: {exc}") from None
        except (KeyError, TypeError):
            raise RegistryError(f"version {version}: the manifest lacks the artefact") from None
        artefact = folder / Path(str(name)).name
        if not artefact.is_file():
            raise RegistryError(f"version {version}: artefact {artefact.name} is missing")
        actual = sha256_file(artefact)
        if actual != expected:
            raise RegistryError(
                f"version {version}: artefact {artefact.name} has been changed or corrupted "
                f"(sha256 {actual[:12]}... expected {str(expected)[:12]}...)"
            )
        if not (folder / METADATA).is_file() or (
            sha256_file(folder / METADATA) != signed.get("metadata_sha256")
        ):
            raise RegistryError(f"version {version}: metadata.json has been changed or corrupted")
        if signed.get("version") != version:
            raise RegistryError(f"version {version}: the manifest is for {signed.get('version')}")
        return artefact, fmt

    def sign(self, version: str) -> None:
        """Write the version's manifest from the files as they are now (training does this; an
        operator does it for a version they have checked, e.g. one made before manifests)."""
        folder = self._folder(version)
        meta = self.metadata(version)
        try:
            name, fmt = Path(meta["artefact"]["file"]).name, meta["artefact"]["format"]
        except (KeyError, TypeError):
            raise RegistryError(f"version {version}: metadata lacks the artefact") from None
        payload = {
            "version": version,
            "artefact": {"file": name, "format": fmt, "sha256": sha256_file(folder / name)},
            "metadata_sha256": sha256_file(folder / METADATA),
        }
        (folder / signing.MANIFEST).write_text(signing.sign(payload, self.signing_key))

    def promote(self, version: str) -> None:
        """Verify the version loads, then switch ACTIVE to it atomically."""
        self.load(version)
        self._write_active(version)

    def register(
        self,
        model,
        algorithm: str,
        metadata: dict,
        documents: dict[str, Callable[[dict], str]],
        activate: bool,
    ) -> str:
        """Write a new version folder (atomically renamed into place); return its id."""
        self.path.mkdir(parents=True, exist_ok=True)
        staging = self.path / f".staging-{uuid.uuid4().hex}"
        staging.mkdir()
        try:
            name, fmt = _write_artefact(model, algorithm, staging)
            digest = sha256_file(staging / name)
            now = datetime.now(UTC)
            version = f"{now:%Y%m%dT%H%M%SZ}-{digest[:7]}"
            metadata = {
                "version": version,
                "created_at": now.isoformat(timespec="seconds"),
                **metadata,
                "artefact": {
                    "file": name,
                    "format": fmt,
                    "sha256": digest,
                    "bytes": (staging / name).stat().st_size,
                },
            }
            (staging / METADATA).write_text(json.dumps(metadata, indent=2, allow_nan=False))
            payload = {
                "version": version,
                "artefact": {"file": name, "format": fmt, "sha256": digest},
                "metadata_sha256": sha256_file(staging / METADATA),
            }
            (staging / signing.MANIFEST).write_text(signing.sign(payload, self.signing_key))
            for filename, render in documents.items():
                (staging / filename).write_text(render(metadata), encoding="utf-8")
            os.rename(staging, self.path / version)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if activate:
            self._write_active(version)
        return version

    def _folder(self, version: str) -> Path:
        if not VERSION_PATTERN.match(version or ""):
            raise RegistryError(f"version {version!r}: not a valid version id")
        folder = self.path / version
        if not folder.is_dir():
            raise RegistryError(f"version {version}: not found in {self.path}")
        return folder

    def _write_active(self, version: str) -> None:
        tmp = self.path / f".{ACTIVE}.{uuid.uuid4().hex}"
        tmp.write_text(version + "\n")
        os.replace(tmp, self.path / ACTIVE)


def _write_artefact(model, algorithm: str, folder: Path) -> tuple[str, str]:
    if algorithm == "catboost":
        model[-1].save_model(str(folder / "model.cbm"), format="cbm")
        return "model.cbm", "cbm"
    joblib.dump(model, folder / "model.joblib")
    return "model.joblib", "joblib"


def _read_artefact(path: Path, fmt: str):
    if fmt == "cbm":
        return CatBoostClassifier().load_model(str(path), format="cbm")
    return joblib.load(path)  # only after the sha256 check above


def _check_explanation(served: ServedModel, model, version: str) -> None:
    """The explanation must reproduce the model's own prediction on probe rows (1e-9)."""
    rng = np.random.default_rng(0)
    probes = np.column_stack([rng.uniform(f.minimum, min(f.maximum, 1e6), 64) for f in FEATURES])
    expected = model.predict_proba(probes)[:, 1]
    if not np.allclose(served.predict_proba(probes), expected, rtol=0, atol=1e-9):
        raise RegistryError(f"version {version}: the explanation does not reproduce the model")
