"""Log-in, refresh, log-out and the attacks a token-secured API must refuse."""

from __future__ import annotations

import time
import uuid

import jwt as pyjwt
import pytest
from api_helpers import PASSWORD, bearer

from app.services.users import set_active

LOGIN = "/api/v1/auth/login"
PROTECTED = "/api/v1/models"


def login(api, email="adviser@bank.example", password=PASSWORD):
    return api.post(LOGIN, json={"email": email, "password": password})


def claims(app, user, **changes):
    now = int(time.time())
    payload = {
        "sub": str(user.id),
        "type": "access",
        "jti": str(uuid.uuid4()),
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "fresh": False,
        "role": user.role.value,
        "iss": app.config["JWT_ISSUER"],
        "aud": app.config["JWT_AUDIENCE"],
    }
    payload.update(changes)
    return payload


def sign(app, payload, algorithm="HS256", key=None):
    return pyjwt.encode(payload, key or app.config["JWT_SECRET_KEY"], algorithm=algorithm)


def test_login_gives_bearer_tokens_that_work(api, users):
    response = login(api)
    assert response.status_code == 200
    body = response.get_json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 900
    header = {"Authorization": f"Bearer {body['access_token']}"}
    assert api.get(PROTECTED, headers=header).status_code == 200


def test_tokens_pin_algorithm_issuer_and_audience(api_app, api, users):
    token = login(api).get_json()["access_token"]
    assert pyjwt.get_unverified_header(token)["alg"] == "HS256"
    payload = pyjwt.decode(
        token,
        api_app.config["JWT_SECRET_KEY"],
        algorithms=["HS256"],
        audience="credit-scoring-api",
        issuer="credit-scoring",
    )
    assert payload["sub"] == str(users["adviser"].id) and payload["role"] == "adviser"
    assert payload["exp"] - payload["iat"] == 15 * 60


@pytest.mark.parametrize(
    ("email", "password"),
    [("adviser@bank.example", "Wrong-Horse-42"), ("nobody@bank.example", PASSWORD)],
)
def test_bad_credentials_get_one_generic_401(api, users, email, password):
    response = login(api, email, password)
    assert response.status_code == 401
    assert response.get_json()["error"]["message"] == "Invalid e-mail or password."


def test_an_inactive_user_cannot_log_in(api, users):
    set_active(users["adviser"].id, False)
    response = login(api)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "invalid_credentials"


def test_refresh_gives_a_new_access_token(api, users):
    tokens = login(api).get_json()
    response = api.post(
        "/api/v1/auth/refresh", headers={"Authorization": f"Bearer {tokens['refresh_token']}"}
    )
    assert response.status_code == 200
    access = response.get_json()["access_token"]
    assert api.get(PROTECTED, headers={"Authorization": f"Bearer {access}"}).status_code == 200


def test_an_access_token_cannot_refresh(api, users):
    tokens = login(api).get_json()
    response = api.post(
        "/api/v1/auth/refresh", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert response.status_code == 401


def _attack_tokens(app, user):
    valid = sign(app, claims(app, user))
    head, body, signature = valid.split(".")
    forged = sign(app, claims(app, user, role="admin"), key="x" * 40)
    return {
        "no token": None,
        "not a bearer": "Basic " + valid,
        "garbage": "Bearer not.a.token",
        "expired": "Bearer " + sign(app, claims(app, user, exp=int(time.time()) - 5)),
        "tampered signature": "Bearer " + f"{head}.{body}.{signature[::-1]}",
        "forged with another key": "Bearer " + forged,
        "alg none": "Bearer " + pyjwt.encode(claims(app, user), None, algorithm="none"),
        "wrong audience": "Bearer " + sign(app, claims(app, user, aud="another-api")),
        "wrong issuer": "Bearer " + sign(app, claims(app, user, iss="someone-else")),
        "no audience": "Bearer "
        + sign(app, {k: v for k, v in claims(app, user).items() if k != "aud"}),
        "refresh used as access": "Bearer " + sign(app, claims(app, user, type="refresh")),
        "unknown user": "Bearer " + sign(app, claims(app, user, sub=str(uuid.uuid4()))),
    }


ATTACKS = [
    "no token",
    "not a bearer",
    "garbage",
    "expired",
    "tampered signature",
    "forged with another key",
    "alg none",
    "wrong audience",
    "wrong issuer",
    "no audience",
    "refresh used as access",
    "unknown user",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_token_attacks_get_a_json_401(api_app, api, users, attack):
    header = _attack_tokens(api_app, users["adviser"])[attack]
    response = api.get(PROTECTED, headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.is_json and response.get_json()["error"]["status"] == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_expired_token_says_so(api_app, api, users):
    header = "Bearer " + sign(api_app, claims(api_app, users["adviser"], exp=1))
    response = api.get(PROTECTED, headers={"Authorization": header})
    assert response.get_json()["error"]["code"] == "token_expired"


def test_logout_revokes_the_token(api, users):
    header = {"Authorization": f"Bearer {login(api).get_json()['access_token']}"}
    assert api.post("/api/v1/auth/logout", headers=header).status_code == 200
    response = api.get(PROTECTED, headers=header)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "token_revoked"


def test_logout_revokes_a_refresh_token(api, users):
    refresh = {"Authorization": f"Bearer {login(api).get_json()['refresh_token']}"}
    assert api.post("/api/v1/auth/logout", headers=refresh).status_code == 200
    assert api.post("/api/v1/auth/refresh", headers=refresh).status_code == 401


def test_a_revocation_survives_a_restart(make_app, model_registry, api, users):
    header = {"Authorization": f"Bearer {login(api).get_json()['access_token']}"}
    assert api.post("/api/v1/auth/logout", headers=header).status_code == 200
    restarted = make_app(MODEL_REGISTRY_DIR=str(model_registry), RATELIMIT_ENABLED=False)
    with restarted.app_context():
        response = restarted.test_client().get(PROTECTED, headers=header)
    assert response.status_code == 401


def test_a_deactivated_users_token_stops_working(api, users):
    header = bearer(users["adviser"])
    assert api.get(PROTECTED, headers=header).status_code == 200
    set_active(users["adviser"].id, False)
    assert api.get(PROTECTED, headers=header).status_code == 401


@pytest.mark.parametrize("role", ["adviser", "supervisor"])
def test_only_admins_list_users(api, headers, role):
    response = api.get("/api/v1/users", headers=headers[role])
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden"


def test_admins_list_users(api, headers):
    response = api.get("/api/v1/users", headers=headers["admin"])
    assert response.status_code == 200
    assert {u["role"] for u in response.get_json()["items"]} == {"adviser", "supervisor", "admin"}


def test_admins_do_not_score_or_read_clients(api, headers):
    assert api.get("/api/v1/clients", headers=headers["admin"]).status_code == 403
    response = api.post("/api/v1/score", json={}, headers=headers["admin"])
    assert response.status_code == 403


def test_login_events_are_audited_without_credentials(api, users):
    from sqlalchemy import select

    from app.database import current_database
    from app.models import AuditEvent

    login(api)
    event = current_database().session.scalar(
        select(AuditEvent).where(AuditEvent.action == "login")
    )
    assert event.actor_id == users["adviser"].id and event.details == {"face": "api"}
