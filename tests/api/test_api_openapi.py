"""The published contract: generated from the code, served with local docs, and honoured.

Schemathesis generates requests from the served document and checks every answer: no 5xx, a
documented status and content type, a body that matches the response schema.
"""

from __future__ import annotations

import shutil

import pytest
import schemathesis
from api_helpers import bearer
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from app import create_app
from app.api import API_PREFIX, routes
from app.api.openapi import PATH_PARAMETER
from app.services.users import create_user

SECRETS = {
    "SECRET_KEY": "test-secret-key-" + "x" * 32,
    "JWT_SECRET_KEY": "test-jwt-secret-key-" + "x" * 32,
    "PSEUDONYMISATION_KEY": "test-pseudonymisation-key-" + "x" * 32,
}


def test_the_document_is_openapi_3_with_every_route(api):
    document = api.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.0")
    paths = document["paths"]
    for path in (
        "/api/v1/auth/login",
        "/api/v1/score",
        "/api/v1/score/batch",
        "/api/v1/clients",
        "/api/v1/clients/{client_id}/decisions",
        "/api/v1/models",
    ):
        assert path in paths
    score = document["components"]["schemas"]["ClientFeatures"]
    assert score["properties"]["age"] == {
        **score["properties"]["age"],
        "type": "integer",
        "minimum": 18,
        "maximum": 100,
    }
    assert score["additionalProperties"] is False
    assert paths["/api/v1/score"]["post"]["security"] == [{"bearerAuth": []}]
    assert paths["/api/v1/auth/login"]["post"]["security"] == []


def test_the_docs_use_local_assets_only(api):
    page = api.get("/api/v1/docs")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "http://" not in text and "https://" not in text
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "init.js"):
        response = api.get(f"/api/v1/docs/{asset}")
        assert response.status_code == 200
        response.close()
    assert api.get("/api/v1/docs/../../wsgi.py").status_code == 404


def test_the_docs_show_curl_examples(api):
    document = api.get("/api/v1/openapi.json").get_data(as_text=True)
    assert document.count("curl -s") >= 3


@pytest.fixture(scope="module")
def served(tmp_path_factory, sqlite_template, model_registry):
    path = tmp_path_factory.mktemp("schemathesis") / "api.db"
    shutil.copy(sqlite_template, path)
    application = create_app(
        {
            "APP_ENV": "testing",
            "DATABASE_URL": f"sqlite:///{path}",
            "MODEL_REGISTRY_DIR": str(model_registry),
            "RATELIMIT_ENABLED": False,
            **SECRETS,
        }
    )
    with application.app_context():
        user = create_user("adviser@bank.example", "adviser", "Correct-Horse-42")
    yield application, user
    application.extensions["database"].dispose()


@pytest.fixture(scope="module")
def api_schema(served):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", served[0])


OPERATIONS = [(r.method, API_PREFIX + PATH_PARAMETER.sub(r"{\2}", r.rule)) for r in routes()]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.slow
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_the_api_honours_its_contract(api_schema, served, method, path):
    application, user = served
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def honoured(case):
        with application.app_context():
            headers = bearer(user)  # a fresh token: /auth/logout may revoke the last one
        case.call_and_validate(headers=headers, checks=CHECKS)

    honoured()
