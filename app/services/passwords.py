"""Password policy and hashing: argon2id at OWASP's minimum (m=19 MiB, t=2, p=1).

OWASP's minimum rather than RFC 9106's low-memory profile (64 MiB, t=3, p=4): a log-in is the
one hash anybody can make the server compute, and at ~30 ms and 19 MiB a guess costs a worker
a tenth of the RFC profile (~0.3 s measured on two cores). Hashes of an older scheme (Werkzeug's
scrypt at N=2^15, below OWASP's N=2^17) still verify, and `needs_rehash` tells the log-in to
replace them with argon2id once the password has been checked.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from werkzeug.security import check_password_hash

MIN_LENGTH = 12
ARGON2_PREFIX = "$argon2id$"
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


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
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    if not password_hash.startswith("$argon2"):
        return check_password_hash(password_hash, password)  # an older scheme (scrypt)
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True for a hash of another scheme or weaker parameters than today's."""
    return not password_hash.startswith(ARGON2_PREFIX) or _HASHER.check_needs_rehash(password_hash)
