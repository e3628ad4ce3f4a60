"""Customer references become stable, key-dependent UUIDs: normalised first (NFKC, trimmed,
upper case), each client recording the version of the key, and a rotated key still honoured."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import column, insert, select, table

from app.config import ConfigError, load_config
from app.database import current_database
from app.models import Client
from app.services.client_import import import_clients
from app.services.pseudonymisation import client_uuid, normalise_reference
from db.migrate import downgrade, upgrade
from modelling.features import FEATURE_NAMES

KEY = "k" * 32
HEADER = "customer_ref,age,income,seniority,incidents,credit_score,data_updated_at,adviser_email"


def test_same_reference_and_key_give_the_same_uuid():
    assert client_uuid("FR-000123", KEY) == client_uuid(" FR-000123 ", KEY)


def test_the_uuid_depends_on_the_key_and_the_reference():
    assert client_uuid("FR-000123", KEY) != client_uuid("FR-000123", "q" * 32)
    assert client_uuid("FR-000123", KEY) != client_uuid("FR-000124", KEY)


def test_the_uuid_is_a_valid_version_8_uuid_that_does_not_contain_the_reference():
    value = client_uuid("123456", KEY)
    assert value.version == 8
    assert value.variant == "specified in RFC 4122"
    assert "123456" not in value.hex


@pytest.mark.parametrize(
    "typed",
    [
        "ab-12",
        "AB-12 ",
        "\tAb-12\n",
        "\u00a0AB-12",  # a non-breaking space pasted from a document
        "ＡＢ-１２",  # full-width letters and digits (NFKC)
    ],
)
def test_ways_of_typing_one_reference_map_to_the_same_client(typed):
    assert normalise_reference(typed) == "AB-12"
    assert client_uuid(typed, KEY) == client_uuid("AB-12", KEY)


def test_references_already_in_capitals_keep_the_uuid_they_had():
    """The rule changes no stored mapping made from an upper-case reference."""
    digest = hmac.new(KEY.encode(), b"FR7612345000", hashlib.sha256).digest()
    before = int.from_bytes(digest[:16], "big")
    before = (before & ~(0xF000 << 64) | 0x8000 << 64) & ~(0xC000 << 48) | 0x8000 << 48
    assert client_uuid("FR7612345000", KEY) == uuid.UUID(int=before)


def _import(tmp_path, *refs):
    path = tmp_path / "clients.csv"
    lines = [f"{ref},40,35000,5.5,0,700,2026-06-01,adviser@bank.example" for ref in refs]
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return import_clients(path)


def _versions() -> dict[uuid.UUID, int | None]:
    session = current_database().session
    session.expire_all()
    return {
        row.id: row.pseudonym_key_version
        for row in session.execute(select(Client.id, Client.pseudonym_key_version))
    }


def test_an_import_in_another_case_updates_the_same_client_and_records_the_key_version(
    app, adviser, tmp_path
):
    assert (_import(tmp_path, "ab-12").created, _import(tmp_path, "AB-12 ").updated) == (1, 1)
    assert _versions() == {client_uuid("AB-12"): 1}


OLD_KEY, NEW_KEY = "old-pseudonymisation-key-" + "o" * 32, "new-pseudonymisation-key-" + "n" * 32


def test_after_a_rotation_old_clients_are_kept_and_new_ones_use_the_new_key(
    make_app, adviser, tmp_path
):
    with make_app(PSEUDONYMISATION_KEY=OLD_KEY).app_context():
        assert _import(tmp_path, "FR-1").created == 1
    rotated = make_app(
        PSEUDONYMISATION_KEY=NEW_KEY,
        PSEUDONYMISATION_KEY_VERSION=2,
        PSEUDONYMISATION_PREVIOUS_KEYS={1: OLD_KEY},
    )
    with rotated.app_context():
        report = _import(tmp_path, "fr-1", "FR-2")
        assert (report.created, report.updated) == (1, 1)
        assert _versions() == {
            client_uuid("FR-1", OLD_KEY): 1,  # the same client, still under its key
            client_uuid("FR-2", NEW_KEY): 2,
        }


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"PSEUDONYMISATION_PREVIOUS_KEYS": "old-key"}, "version:key pairs"),
        ({"PSEUDONYMISATION_PREVIOUS_KEYS": "1:old-key"}, "version 1 must be below"),
        (
            {"PSEUDONYMISATION_KEY_VERSION": "3", "PSEUDONYMISATION_PREVIOUS_KEYS": "2:"},
            "version:key pairs",
        ),
    ],
)
def test_previous_keys_are_checked(environ, message):
    with pytest.raises(ConfigError, match=message):
        load_config(environ)


def test_the_migration_records_key_version_1_only_for_clients_derived_from_a_reference(
    app, adviser
):
    engine = current_database().engine
    current_database().session.close()
    # Only columns revision 0007 had (today's model has more), with the model's types.
    inserted = {"id", "adviser_id", *FEATURE_NAMES, "data_updated_at", "created_at"}
    clients = table(
        "clients", *(column(c.name, c.type) for c in Client.__table__.c if c.name in inserted)
    )
    downgrade(engine, "0007")
    now = datetime.now(UTC)
    derived, random = client_uuid("FR-9"), uuid.uuid4()
    try:
        with engine.begin() as connection:
            for client_id in (derived, random):
                connection.execute(
                    insert(clients).values(
                        id=client_id,
                        adviser_id=adviser.id,
                        age=40,
                        income=35_000.0,
                        seniority=5.0,
                        incidents=0,
                        credit_score=700,
                        data_updated_at=now,
                        created_at=now,
                    )
                )
    finally:
        upgrade(engine)  # never leave the shared database at an old revision
    assert _versions() == {derived: 1, random: None}


def test_advisers_and_admins_find_a_client_by_reference_in_any_case_and_under_a_rotated_key(
    make_app, adviser, tmp_path
):
    from app.services.lookup import find_clients
    from app.services.rights_search import find_for_rights
    from app.services.users import create_user

    with make_app(PSEUDONYMISATION_KEY=OLD_KEY).app_context():
        _import(tmp_path, "FR-1")
    rotated = make_app(
        PSEUDONYMISATION_KEY=NEW_KEY,
        PSEUDONYMISATION_KEY_VERSION=2,
        PSEUDONYMISATION_PREVIOUS_KEYS={1: OLD_KEY},
    )
    with rotated.app_context():
        holder = current_database().session.get(type(adviser), adviser.id)
        assert find_clients(" fr-1", holder) == [client_uuid("FR-1", OLD_KEY)]
        admin = create_user("admin@bank.example", "admin", "Correct-Horse-42")
        found = find_for_rights("fr-1 ", admin)
        assert [row["client_id"] for row in found] == [str(client_uuid("FR-1", OLD_KEY))]
