"""Every session and token of a user ends when they are deactivated or get a new password
(`flask users deactivate|set-password`), and API refresh tokens rotate (issue 11 §3)."""

from __future__ import annotations

import uuid

import pytest
from flask_jwt_extended import decode_token
from session_helpers import Browser, api_attempt, dashboard_attempt, require_redis
from sqlalchemy import select

from app.database import current_database
from app.models import User
from app.services.users import create_user, set_active

PASSWORD = "Correct-Horse-42"
NEW_PASSWORD = "Fresh-Battery-2027"
EMAIL = "adviser@bank.example"
PROTECTED = "/api/v1/models"
REFRESH, LOGOUT = "/api/v1/auth/refresh", "/api/v1/auth/logout"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def server(make_app):
    application = make_app(RATELIMIT_ENABLED=False)
    application.test_client_class = Browser
    with application.app_context():
        create_user(EMAIL, "adviser", PASSWORD)
        create_user("other@bank.example", "adviser", PASSWORD)
        yield application


class Holder:
    """One person's ways in: a dashboard browser and an API log-in (access + refresh)."""

    def __init__(self, server, email=EMAIL, password=PASSWORD):
        self.browser = server.test_client()
        assert dashboard_attempt(self.browser, email, password).status_code == 302
        self.tokens = api_attempt(server.test_client(), email, password).get_json()
        self.api = server.test_client()

    def dashboard_works(self) -> bool:
        return self.browser.get("/").status_code == 200

    def access_works(self) -> bool:
        return (
            self.api.get(PROTECTED, headers=bearer(self.tokens["access_token"])).status_code == 200
        )

    def refresh_works(self) -> bool:
        return (
            self.api.post(REFRESH, headers=bearer(self.tokens["refresh_token"])).status_code == 200
        )


def test_deactivation_ends_every_session_and_token_of_the_user_only(server):
    runner = server.test_cli_runner()
    victim, bystander = Holder(server), Holder(server, "other@bank.example")
    assert victim.dashboard_works() and victim.access_works()

    result = runner.invoke(args=["users", "deactivate", "ADVISER@bank.example "])

    assert result.exit_code == 0, result.output
    assert "deactivated adviser@bank.example" in result.output
    assert not victim.dashboard_works()
    assert not victim.access_works()
    assert not victim.refresh_works()
    assert bystander.dashboard_works() and bystander.access_works()
    set_active(current_database().session.scalar(select(User.id).where(User.email == EMAIL)), True)
    assert not victim.refresh_works()  # reactivation brings no old token back
    assert not victim.dashboard_works()
    assert api_attempt(server.test_client(), EMAIL, PASSWORD).status_code == 200


def test_a_new_password_ends_every_session_and_token(server):
    runner = server.test_cli_runner()
    holder = Holder(server)

    result = runner.invoke(
        args=["users", "set-password", EMAIL], input=f"{NEW_PASSWORD}\n{NEW_PASSWORD}\n"
    )

    assert result.exit_code == 0, result.output
    assert NEW_PASSWORD not in result.output
    assert not holder.dashboard_works()
    assert not holder.access_works()
    assert not holder.refresh_works()
    http = server.test_client()
    assert api_attempt(http, EMAIL, PASSWORD).status_code == 401
    assert api_attempt(http, EMAIL, NEW_PASSWORD).status_code == 200


@pytest.mark.parametrize(
    ("args", "typed", "message"),
    [
        (["users", "set-password", EMAIL], "short1A\nshort1A\n", "at least 12 characters"),
        (["users", "set-password", EMAIL], "alllowercase123\nalllowercase123\n", "uppercase"),
        (["users", "set-password", "nobody@bank.example"], f"{NEW_PASSWORD}\n" * 2, "not name"),
        (["users", "set-password", "not-an-email"], f"{NEW_PASSWORD}\n" * 2, "valid e-mail"),
        (["users", "deactivate", "nobody@bank.example"], "", "does not name a user"),
        (["users", "deactivate", "not-an-email"], "", "valid e-mail"),
    ],
)
def test_bad_arguments_are_refused_with_the_rule_and_change_nothing(server, args, typed, message):
    holder = Holder(server)
    result = server.test_cli_runner().invoke(args=args, input=typed)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert holder.dashboard_works() and holder.access_works() and holder.refresh_works()
    assert api_attempt(server.test_client(), EMAIL, PASSWORD).status_code == 200


def test_refresh_rotates_and_keeps_the_log_ins_expiry(server):
    http = server.test_client()
    first = api_attempt(http, EMAIL, PASSWORD).get_json()

    answer = http.post(REFRESH, headers=bearer(first["refresh_token"]))
    assert answer.status_code == 200
    second = answer.get_json()
    assert second["refresh_token"] != first["refresh_token"]
    assert http.get(PROTECTED, headers=bearer(second["access_token"])).status_code == 200
    third = http.post(REFRESH, headers=bearer(second["refresh_token"])).get_json()
    # Rotation never extends the log-in: every refresh token ends when the first one would.
    expiry = decode_token(first["refresh_token"])["exp"]
    assert decode_token(third["refresh_token"])["exp"] == expiry
    assert not decode_token(third["access_token"])["fresh"]
    assert http.get(PROTECTED, headers=bearer(third["access_token"])).status_code == 200


def test_a_used_refresh_token_sent_again_is_refused_and_ends_its_log_in(server):
    http = server.test_client()
    first = api_attempt(http, EMAIL, PASSWORD).get_json()
    other_log_in = api_attempt(http, EMAIL, PASSWORD).get_json()
    second = http.post(REFRESH, headers=bearer(first["refresh_token"])).get_json()

    reused = http.post(REFRESH, headers=bearer(first["refresh_token"]))  # a stolen copy

    assert reused.status_code == 401
    assert reused.get_json()["error"]["code"] == "token_revoked"
    # Thief or owner, whoever holds the newer tokens loses them: the log-in has ended.
    assert http.post(REFRESH, headers=bearer(second["refresh_token"])).status_code == 401
    assert http.get(PROTECTED, headers=bearer(second["access_token"])).status_code == 401
    assert http.get(PROTECTED, headers=bearer(other_log_in["access_token"])).status_code == 200
    assert http.post(REFRESH, headers=bearer(other_log_in["refresh_token"])).status_code == 200


@pytest.mark.parametrize("sent", ["access_token", "refresh_token"])
def test_log_out_with_either_token_ends_the_whole_api_log_in(server, sent):
    http = server.test_client()
    tokens = api_attempt(http, EMAIL, PASSWORD).get_json()
    other_log_in = api_attempt(http, EMAIL, PASSWORD).get_json()
    rotated = http.post(REFRESH, headers=bearer(tokens["refresh_token"])).get_json()

    assert http.post(LOGOUT, headers=bearer(rotated[sent])).status_code == 200

    for token in (rotated["access_token"], tokens["access_token"]):
        assert http.get(PROTECTED, headers=bearer(token)).status_code == 401
    assert http.post(REFRESH, headers=bearer(rotated["refresh_token"])).status_code == 401
    assert http.get(PROTECTED, headers=bearer(other_log_in["access_token"])).status_code == 200
    assert http.post(REFRESH, headers=bearer(other_log_in["refresh_token"])).status_code == 200


@pytest.mark.redis
def test_rotation_with_revocations_in_redis(make_app):
    redis_url = require_redis()
    application = make_app(REDIS_URL=redis_url, RATELIMIT_KEY_PREFIX=uuid.uuid4().hex)
    with application.app_context():
        create_user(EMAIL, "adviser", PASSWORD)
        http = application.test_client()
        tokens = api_attempt(http, EMAIL, PASSWORD).get_json()
        second = http.post(REFRESH, headers=bearer(tokens["refresh_token"])).get_json()
        assert http.post(REFRESH, headers=bearer(tokens["refresh_token"])).status_code == 401
        assert http.post(REFRESH, headers=bearer(second["refresh_token"])).status_code == 401
