"""Customer references become stable, key-dependent UUIDs."""

from __future__ import annotations

from app.services.pseudonymisation import client_uuid


def test_same_reference_and_key_give_the_same_uuid():
    assert client_uuid("FR-000123", "k" * 32) == client_uuid(" FR-000123 ", "k" * 32)


def test_the_uuid_depends_on_the_key_and_the_reference():
    assert client_uuid("FR-000123", "k" * 32) != client_uuid("FR-000123", "q" * 32)
    assert client_uuid("FR-000123", "k" * 32) != client_uuid("FR-000124", "k" * 32)


def test_the_uuid_is_a_valid_version_8_uuid_that_does_not_contain_the_reference():
    value = client_uuid("123456", "k" * 32)
    assert value.version == 8
    assert value.variant == "specified in RFC 4122"
    assert "123456" not in value.hex
