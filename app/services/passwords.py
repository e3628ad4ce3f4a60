"""Password policy and hashing (scrypt, via Werkzeug: a standard memory-hard KDF)."""

from __future__ import annotations

from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 12


class WeakPasswordError(ValueError):
    """The password breaks a rule of the policy; the message says which."""


def check_policy(password: str, email: str = "") -> None:
    if len(password) < MIN_LENGTH:
        raise WeakPasswordError(f"password must be at least {MIN_LENGTH} characters long")
    if not any(c.islower() for c in password):
        raise WeakPasswordError("password must contain a lowercase letter")
    if not any(c.isupper() for c in password):
        raise WeakPasswordError("password must contain an uppercase letter")
    if not any(c.isdigit() for c in password):
        raise WeakPasswordError("password must contain a digit")
    local_part = email.split("@", 1)[0].lower()
    if len(local_part) >= 4 and local_part in password.lower():
        raise WeakPasswordError("password must not contain the e-mail address")


def hash_password(password: str) -> str:
    return generate_password_hash(password, method="scrypt")


def verify_password(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)
