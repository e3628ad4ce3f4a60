"""Security hardening (OWASP API Top 10): headers on every kind of response, HTTPS behind the
platform's proxy, cookies, CORS, body size, password policy, production refusals."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from app import create_app
from app.config import ConfigError, load_config
from app.services.passwords import WeakPasswordError, check_policy, hash_password

PASSWORD = "Correct-Horse-42"
PRODUCTION = {
    "APP_ENV": "production",
    "SECRET_KEY": "s" * 40,
    "JWT_SECRET_KEY": "j" * 40,
    "PSEUDONYMISATION_KEY": "p" * 40,
    "MODEL_SIGNING_KEY": "m" * 40,
    "AUDIT_KEY": "a" * 40,
    "WEB_CONCURRENCY": 1,  # one worker: no shared store needed (test_config covers Redis)
}
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def log_in(http, email="adviser@bank.example", password=PASSWORD):
    page = http.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return http.post("/login", data={"csrf_token": token, "email": email, "password": password})


def assert_hardened(response):
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (name, response.request.path)
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    script_src = next(p for p in policy.split("; ") if p.startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "http:" not in policy and "https:" not in policy  # nothing from a CDN


@pytest.fixture
def http(client, adviser):
    return client


def test_api_responses_are_hardened(http):
    for response in (
        http.get("/api/v1/health"),
        http.get("/api/v1/clients"),
        http.get("/api/v1/nowhere"),
        http.get("/api/v1/openapi.json"),
    ):
        assert_hardened(response)
        assert response.headers["Cache-Control"] == "no-store"


def test_dashboard_pages_and_callbacks_are_hardened(http):
    assert_hardened(http.get("/login"))
    assert log_in(http).status_code == 302
    page = http.get("/")
    assert page.status_code == 200
    assert_hardened(page)
    assert page.headers["Cache-Control"] == "no-store"  # client data never cached
    assert_hardened(http.get("/_dash-layout"))


def test_the_csp_admits_exactly_dashs_own_inline_scripts(http):
    """Dash boots from inline scripts: each one's hash is in script-src, nothing else inline."""
    log_in(http)
    page = http.get("/")
    html = re.sub(r"<!--.*?-->", "", page.get_data(as_text=True), flags=re.S)  # IE-only parts
    scripts = re.findall(r"<script((?![^>]*\bsrc=)[^>]*)>(.*?)</script>", html, re.S)
    # JSON data blocks (Dash's config) are not executed, so CSP does not apply to them.
    inline = [body for attributes, body in scripts if "application/json" not in attributes]
    assert inline, "Dash's page has inline bootstrap scripts"
    policy = page.headers["Content-Security-Policy"]
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    for src in re.findall(r'<script[^>]+src="([^"]+)"', html):
        assert src.startswith("/"), src  # same origin, no CDN


def test_asset_routes_are_hardened_and_cacheable(http):
    log_in(http)
    html = http.get("/").get_data(as_text=True)
    suite = re.search(r'src="(/_dash-component-suites/[^"]+)"', html).group(1)
    for path in ("/assets/theme/app.css", suite):
        response = http.get(path)
        assert response.status_code == 200, path
        assert_hardened(response)
        assert response.headers.get("Cache-Control") != "no-store"
        response.close()


def test_session_cookies_are_httponly_and_samesite(http):
    cookie = http.get("/login").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # development over plain http on the loopback


@pytest.fixture
def production(database_url, registry_dir):
    app = create_app(
        {**PRODUCTION, "DATABASE_URL": database_url, "MODEL_REGISTRY_DIR": str(registry_dir)}
    )
    with app.app_context():
        from app.services.users import create_user

        create_user("adviser@bank.example", "adviser", PASSWORD)
    yield app
    app.extensions["database"].dispose()


def test_production_redirects_http_to_https_behind_the_proxy(production):
    http = production.test_client()
    plain = http.get("/login?lang=en", headers={"X-Forwarded-Proto": "http"})
    assert plain.status_code == 301
    assert plain.headers["Location"] == "https://localhost/login?lang=en"
    assert "Strict-Transport-Security" not in plain.headers
    anonymous = http.get("/", headers={"X-Forwarded-Proto": "http"})
    assert anonymous.headers["Location"].startswith("https://")  # before the log-in redirect
    # The platform's health check probes over plain http inside its network.
    assert http.get("/api/v1/health", headers={"X-Forwarded-Proto": "http"}).status_code == 200


def test_production_sends_hsts_and_secure_cookies_over_https(production):
    http = production.test_client()
    response = http.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"].startswith("max-age=63072000")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert_hardened(response)


def test_cors_is_closed_unless_an_origin_is_configured(make_app, adviser):
    closed = make_app().test_client()
    response = closed.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    opened = make_app(CORS_ORIGINS=("https://partner.example",)).test_client()
    allowed = opened.get("/api/v1/health", headers={"Origin": "https://partner.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://partner.example"
    assert "Origin" in allowed.headers["Vary"]
    preflight = opened.options(
        "/api/v1/score",
        headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    other = opened.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        ("https://a.example, https://b.example:8443", True),
        ("*", False),
        ("https://a.example/path", False),
        ("a.example", False),
    ],
)
def test_cors_origins_are_exact_origins(raw, ok):
    if ok:
        assert load_config({"CORS_ORIGINS": raw})["CORS_ORIGINS"] == (
            "https://a.example",
            "https://b.example:8443",
        )
    else:
        with pytest.raises(ConfigError, match=r"^CORS_ORIGINS"):
            load_config({"CORS_ORIGINS": raw})


def test_oversized_bodies_are_a_json_413(client, adviser):
    body = b'{"clients": [' + b"1," * 600_000 + b"1]}"
    response = client.post(
        "/api/v1/score/batch", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("Short-1a", "at least 12 characters"),
        ("no-upper-case-42", "uppercase"),
        ("NO-LOWER-CASE-42", "lowercase"),
        ("No-Digits-At-All", "digit"),
        ("Adviser@Bank.example1", "e-mail"),
    ],
)
def test_the_password_policy_names_the_rule(password, rule):
    with pytest.raises(WeakPasswordError, match=rule):
        check_policy(password, "adviser@bank.example")


def test_passwords_are_stored_with_argon2id_at_owasp_minimum():
    stored = hash_password(PASSWORD)
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$") and PASSWORD not in stored
