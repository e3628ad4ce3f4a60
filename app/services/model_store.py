"""Registry versions published to the database, so that every instance can load every version.

Training writes a version folder on one machine; the instances of a bank run on others. When a
version is approved (or set as challenger) its three files are copied into `model_versions`
byte for byte. An instance whose registry lacks a version writes them back into a folder and
loads it the usual way: the manifest's HMAC signature (modelling/signing.py) and every sha256 are
checked again there, and once more against the row's own sha256 before anything is written.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import uuid
from pathlib import Path

from sqlalchemy import select

from app.database import current_database
from app.models import PublishedModel
from modelling import signing
from modelling.registry import METADATA, Registry, RegistryError

log = logging.getLogger(__name__)


def publish(registry: Registry, version: str, actor_id=None) -> PublishedModel:
    """The version's row, added from the local folder if absent (in the caller's transaction).
    The local files are verified first: a tampered version is never published."""
    session = current_database().session
    row = session.get(PublishedModel, version)
    if row is not None:
        return row
    if not has_local(registry, version):
        raise RegistryError(f"version {version}: not found in {registry.path} nor in the database")
    artefact, _fmt = registry.verify(version)
    folder = artefact.parent
    data = artefact.read_bytes()
    row = PublishedModel(
        version=version,
        algorithm=registry.metadata(version).get("algorithm"),
        artefact_file=artefact.name,
        artefact=data,
        sha256=hashlib.sha256(data).hexdigest(),
        metadata_file=(folder / METADATA).read_bytes(),
        manifest=(folder / signing.MANIFEST).read_text(),
        published_by=actor_id,
    )
    session.add(row)
    session.flush()
    return row


def has_local(registry: Registry, version: str) -> bool:
    return (registry.path / version / METADATA).is_file()


def published_versions() -> list[PublishedModel]:
    """Every published version without its bytes (the listing needs the metadata only)."""
    query = select(PublishedModel.version, PublishedModel.metadata_file, PublishedModel.sha256)
    return list(current_database().session.execute(query.order_by(PublishedModel.version.desc())))


def fetch(registry: Registry, version: str) -> bool:
    """Write a published version into the local registry when it lacks it; False when the
    database does not hold it either. RegistryError when the row does not match its sha256 or
    its signed manifest: nothing is written then."""
    if has_local(registry, version):
        return True
    row = current_database().session.get(PublishedModel, version)
    if row is None:
        return False
    _check(row, registry.signing_key)
    registry.path.mkdir(parents=True, exist_ok=True)
    staging = registry.path / f".fetch-{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        (staging / Path(row.artefact_file).name).write_bytes(row.artefact)
        (staging / METADATA).write_bytes(row.metadata_file)
        (staging / signing.MANIFEST).write_text(row.manifest)
        os.rename(staging, registry.path / version)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if not has_local(registry, version):  # another worker may have written it first
            raise
    log.info("model version %s fetched from the database into %s", version, registry.path)
    return True


def _check(row: PublishedModel, key: str) -> None:
    actual = hashlib.sha256(row.artefact).hexdigest()
    if actual != row.sha256:
        raise RegistryError(
            f"version {row.version}: the published artefact does not match its sha256 "
            f"({actual[:12]}... expected {row.sha256[:12]}...)"
        )
    try:
        signed = signing.verify(row.manifest, key)
    except signing.SignatureError as exc:
        raise RegistryError(f"version {row.version}: published manifest refused: {exc}") from None
    artefact = signed.get("artefact")
    if not isinstance(artefact, dict) or artefact.get("sha256") != row.sha256:
        raise RegistryError(f"version {row.version}: the signed manifest names another artefact")
    if signed.get("metadata_sha256") != hashlib.sha256(row.metadata_file).hexdigest():
        raise RegistryError(f"version {row.version}: the published metadata has been changed")
