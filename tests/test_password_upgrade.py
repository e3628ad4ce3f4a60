"""Passwords are argon2id; an older hash is replaced at the next successful log-in (both faces)."""

from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from app.database import current_database
from app.models import User
from app.services.passwords import hash_password, needs_rehash, verify_password
from app.services.users import create_user

PASSWORD = "Correct-Horse-42"
EMAIL = "adviser@bank.example"
OLD_HASHES = {
    "werkzeug scrypt (the first version's)": lambda pw: generate_password_hash(pw, "scrypt"),
    "argon2id below today's parameters": lambda pw: PasswordHasher(
        time_cost=1, memory_cost=8 * 1024, parallelism=1
    ).hash(pw),
}


def stored_hash() -> str:
    session = current_database().session
    session.expire_all()
    return session.scalar(select(User.password_hash).where(User.email == EMAIL))


@pytest.fixture(params=sorted(OLD_HASHES))
def old_user(request, app):
    user = create_user(EMAIL, "adviser", PASSWORD)
    with current_database().transaction() as session:
        session.get(User, user.id).password_hash = OLD_HASHES[request.param](PASSWORD)
    assert needs_rehash(stored_hash())
    return user


def api_log_in(http, password):
    return http.post("/api/v1/auth/login", json={"email": EMAIL, "password": password})


def dashboard_log_in(http, password):
    page = http.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return http.post("/login", data={"csrf_token": token, "email": EMAIL, "password": password})


FACES = {"api": (api_log_in, 200), "dashboard": (dashboard_log_in, 302)}


def test_new_hashes_are_argon2id_at_owasp_minimum_and_verify():
    stored = hash_password(PASSWORD)
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_password(stored, PASSWORD) and not verify_password(stored, PASSWORD + "x")
    assert not needs_rehash(stored)


@pytest.mark.parametrize("face", sorted(FACES))
def test_an_old_hash_becomes_argon2id_at_the_next_log_in(old_user, client, face):
    log_in, success = FACES[face]
    assert log_in(client, PASSWORD).status_code == success
    upgraded = stored_hash()
    assert upgraded.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_password(upgraded, PASSWORD)


@pytest.mark.parametrize("face", sorted(FACES))
def test_a_wrong_password_does_not_upgrade(old_user, client, face):
    before = stored_hash()
    log_in, _ = FACES[face]
    assert log_in(client, "Wrong-Horse-42").status_code == 401
    assert stored_hash() == before
