"""The deployment files start a safe production: every Render service running the app gets the
secrets, the database and Redis that production requires; the Heroku steps provide them too."""

from __future__ import annotations

from pathlib import Path

import yaml

from app.config import DEV_SECRETS, load_config

ROOT = Path(__file__).resolve().parent.parent
BLUEPRINT = yaml.safe_load((ROOT / "render.yaml").read_text())


def _app_services() -> list[dict]:
    return [
        s
        for s in BLUEPRINT["services"]
        if {"key": "APP_ENV", "value": "production"} in s.get("envVars", [])
    ]


def _stand_in(variable: dict) -> str:
    """A value of the right kind for what the platform would fill in."""
    if "value" in variable:
        return str(variable["value"])
    if variable["key"] == "DATABASE_URL":
        return "postgres://u:pw@db.internal:5432/credit"
    if variable["key"] == "REDIS_URL":
        return "redis://redis.internal:6379"
    return variable["key"].lower() + "-" + "x" * 40


def test_every_render_service_running_the_app_has_what_production_requires():
    services = _app_services()
    names = {s["name"] for s in services}
    assert names >= {"credit-scoring", "credit-scoring-worker", "credit-scoring-clock"}
    for service in services:
        keys = {v["key"] for v in service["envVars"]}
        assert keys >= {*DEV_SECRETS, "DATABASE_URL", "REDIS_URL"}, service["name"]
        environ = {v["key"]: _stand_in(v) for v in service["envVars"]}
        assert load_config(environ)["APP_ENV"] == "production"


def test_render_redis_is_a_private_instance_that_never_evicts_revocations():
    (redis,) = [s for s in BLUEPRINT["services"] if s["type"] == "keyvalue"]
    assert redis["maxmemoryPolicy"] == "noeviction" and redis["ipAllowList"] == []
    for service in _app_services():
        (url,) = [v for v in service["envVars"] if v["key"] == "REDIS_URL"]
        assert url["fromService"]["name"] == redis["name"]


def test_the_heroku_steps_provide_redis_and_the_signing_key():
    readme = (ROOT / "README.md").read_text()
    heroku = readme[readme.index("### Heroku") : readme.index("### Render")]
    assert "heroku addons:create heroku-redis" in heroku
    for name in DEV_SECRETS:  # every secret production requires
        assert f"{name}=" in heroku


def test_every_render_build_installs_the_hashed_lock_and_the_project_without_dependencies():
    builds = [s["buildCommand"] for s in BLUEPRINT["services"] if "buildCommand" in s]
    assert builds
    for build in builds:
        steps = [step.strip() for step in build.split("&&")]
        assert steps[0] == "pip install --require-hashes -r requirements.txt", build
        assert steps[1] == "pip install --no-deps .", build
