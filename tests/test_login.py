"""Log-in on both faces (issue 11 §2): one progressive throttle per account and per address,
audit events without credentials, and a start-up dummy hash for unknown e-mails."""

from __future__ import annotations

import os
import uuid

import pytest
from session_helpers import Browser, Clock, api_attempt, dashboard_attempt, log_out
from sqlalchemy import select

from app.database import current_database
from app.models import AuditEvent
from app.services import auth
from app.services.passwords import needs_rehash
from app.services.users import create_user, find_by_email

PASSWORD = "Correct-Horse-42"
WRONG = "Wrong-Horse-4242"
EMAIL = "adviser@bank.example"
IN_CI = os.environ.get("CI", "").lower() == "true"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def server(make_app):
    """An app with the log-in limits on (RATELIMIT_LOGIN "5 per minute": 5 free failures, then
    a first wait of 12 s) and one adviser."""
    application = make_app(RATELIMIT_KEY_PREFIX=uuid.uuid4().hex)
    application.test_client_class = Browser
    with application.app_context():
        create_user(EMAIL, "adviser", PASSWORD)
        yield application


@pytest.fixture
def clock(server):
    return Clock(server)


def test_dashboard_failures_slow_the_account_down_from_any_address(server, clock):
    http = server.test_client()
    for i in range(5):
        assert dashboard_attempt(http, EMAIL, WRONG, f"10.0.0.{i}").status_code == 401
    blocked = dashboard_attempt(http, EMAIL, PASSWORD, "10.0.9.9")  # the right password waits
    assert blocked.status_code == 429
    assert blocked.headers["Retry-After"] == "12"
    page = blocked.get_data(as_text=True)
    assert "Trop de tentatives de connexion échouées. Réessayez dans 12\u00a0s." in page
    assert 'id="login-email"' in page  # the form is still there
    clock.advance(seconds=12)  # a delay, not a lock
    assert dashboard_attempt(http, EMAIL, PASSWORD, "10.0.9.9").status_code == 302


def test_dashboard_failures_slow_the_address_down_for_every_account(server):
    http = server.test_client()
    for i in range(5):
        assert dashboard_attempt(http, f"guess{i}@bank.example", WRONG).status_code == 401
    assert dashboard_attempt(http, EMAIL, PASSWORD).status_code == 429
    assert dashboard_attempt(http, EMAIL, PASSWORD, "10.0.0.2").status_code == 302


def test_each_further_failure_doubles_the_wait_up_to_five_minutes(server, clock):
    http = server.test_client()
    for _ in range(5):
        dashboard_attempt(http, EMAIL, WRONG)
    waits = []
    for _ in range(8):
        blocked = dashboard_attempt(http, EMAIL, WRONG)
        assert blocked.status_code == 429
        waits.append(int(blocked.headers["Retry-After"]))
        clock.advance(seconds=waits[-1] - 1)
        assert dashboard_attempt(http, EMAIL, WRONG).status_code == 429  # not a second early
        clock.advance(seconds=1)
        assert dashboard_attempt(http, EMAIL, WRONG).status_code == 401  # tried, and failed
    assert waits == [12, 24, 48, 96, 192, 300, 300, 300]
    clock.advance(seconds=300)
    assert dashboard_attempt(http, EMAIL, PASSWORD).status_code == 302


def test_the_throttled_message_is_in_the_readers_language(server):
    http = server.test_client()
    http.set_cookie("lang", "en")
    for _ in range(5):
        dashboard_attempt(http, EMAIL, WRONG)
    page = dashboard_attempt(http, EMAIL, WRONG).get_data(as_text=True)
    assert "Too many failed log-ins. Try again in 12\u00a0s." in page


def test_a_throttled_attempt_costs_no_password_hash(server, monkeypatch):
    http = server.test_client()
    for _ in range(5):
        dashboard_attempt(http, EMAIL, WRONG)
    calls = []
    monkeypatch.setattr(auth, "verify_password", lambda *a: calls.append(a) or False)
    assert dashboard_attempt(http, EMAIL, WRONG).status_code == 429
    assert api_attempt(http, EMAIL, WRONG).status_code == 429
    assert calls == []


def test_the_api_and_the_dashboard_share_one_throttle(server):
    http = server.test_client()
    for _ in range(5):
        assert api_attempt(http, EMAIL, WRONG, "10.0.0.7").status_code == 401
    assert dashboard_attempt(http, EMAIL, PASSWORD, "10.0.0.8").status_code == 429
    refused = api_attempt(http, EMAIL, PASSWORD, "10.0.0.9")
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "12"
    assert refused.get_json()["error"]["code"] == "too_many_attempts"


def test_a_success_clears_the_accounts_failures(server):
    http = server.test_client()
    for _ in range(4):
        dashboard_attempt(http, EMAIL, WRONG, "10.0.0.1")
    assert api_attempt(http, EMAIL, PASSWORD, "10.0.0.2").status_code == 200
    for _ in range(4):
        assert dashboard_attempt(http, EMAIL, WRONG, "10.0.0.3").status_code == 401


@pytest.fixture
def redis_url():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        reason = f"Redis unavailable at {REDIS_URL}: {exc.__class__.__name__}"
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: a missing service is a failure, not a skip)")
        pytest.skip(reason)
    return REDIS_URL


@pytest.mark.redis
def test_the_dashboard_throttle_is_shared_by_every_worker_through_redis(make_app, redis_url):
    prefix = uuid.uuid4().hex
    first = make_app(REDIS_URL=redis_url, RATELIMIT_KEY_PREFIX=prefix)
    second = make_app(REDIS_URL=redis_url, RATELIMIT_KEY_PREFIX=prefix)  # another worker
    for application in (first, second):
        application.test_client_class = Browser
    with first.app_context():
        create_user(EMAIL, "adviser", PASSWORD)
        for _ in range(5):
            assert dashboard_attempt(first.test_client(), EMAIL, WRONG).status_code == 401
    with second.app_context():
        assert dashboard_attempt(second.test_client(), EMAIL, PASSWORD).status_code == 429


def events(action: str) -> list[AuditEvent]:
    session = current_database().session
    session.expire_all()
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _all_event_text() -> str:
    session = current_database().session
    return " ".join(
        f"{e.actor_id} {e.client_id} {e.model_version} {e.details}"
        for e in session.scalars(select(AuditEvent))
    )


@pytest.mark.parametrize("face", ["dashboard", "api"])
def test_log_ins_and_log_outs_are_audited_without_credentials(server, face):
    adviser = find_by_email(EMAIL)
    http = server.test_client()
    attempt = dashboard_attempt if face == "dashboard" else api_attempt
    attempt(http, "nobody@bank.example", "Typed-Secret-77")
    attempt(http, EMAIL, WRONG)
    answer = attempt(http, EMAIL, PASSWORD)
    if face == "dashboard":
        log_out(http)
    else:
        header = {"Authorization": f"Bearer {answer.get_json()['access_token']}"}
        http.post("/api/v1/auth/logout", headers=header)

    failed = sorted(events("login_failed"), key=lambda e: e.id)
    assert [(e.actor_id, e.details) for e in failed] == [
        (None, {"face": face, "reason": "unknown_account"}),
        (adviser.id, {"face": face, "reason": "wrong_password"}),
    ]
    assert [(e.actor_id, e.details) for e in events("login")] == [(adviser.id, {"face": face})]
    assert [(e.actor_id, e.details) for e in events("logout")] == [(adviser.id, {"face": face})]
    text = _all_event_text()
    for secret in ("nobody@bank.example", "nobody", "Typed-Secret-77", WRONG, PASSWORD, EMAIL):
        assert secret not in text


def test_unknown_e_mails_are_checked_against_a_hash_made_at_start_up(make_app, monkeypatch):
    first, second = make_app(), make_app()
    dummy = first.extensions["dummy_password_hash"]
    assert dummy != second.extensions["dummy_password_hash"]  # made at start-up, not a constant
    assert not needs_rehash(dummy)  # by the scheme and parameters real hashes get today
    checked = []
    monkeypatch.setattr(auth, "verify_password", lambda h, p: checked.append(h) or False)
    with first.app_context():
        answer = first.test_client().post(
            "/api/v1/auth/login", json={"email": "nobody@bank.example", "password": WRONG}
        )
    assert answer.status_code == 401 and checked == [dummy]
