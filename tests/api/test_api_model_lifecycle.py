"""Model lifecycle through the API (issue 12 §1, §4): approvals, activation, the challenger in
shadow, and the production rule that an unapproved version is not served."""

from __future__ import annotations

import pytest
from api_helpers import GOOD, PASSWORD, RISKY, add_client, bearer
from lifecycle_helpers import NEXT, add_version, copy_registry
from sqlalchemy import select

from app.database import current_database
from app.models import AuditEvent, ModelApproval, PublishedModel, ScoreRecord
from app.services import jobs
from app.services.lifecycle import AUTOMATIC_NOTE
from app.services.users import create_user

MODELS = "/api/v1/models"
NOTE = {"note": "Validation report read; back-test within limits.", "reference": "VAL-2026-12"}


@pytest.fixture
def registry(model_registry, tmp_path):
    registry = copy_registry(model_registry, tmp_path / "lifecycle-registry")
    add_version(registry, NEXT + "aaaaaaa")
    return registry


@pytest.fixture
def lc_app(make_app, registry):
    application = make_app(MODEL_REGISTRY_DIR=str(registry.path), RATELIMIT_ENABLED=False)
    with application.app_context():
        yield application


@pytest.fixture
def api(lc_app):
    return lc_app.test_client()


@pytest.fixture
def people(lc_app):
    return {
        role: create_user(f"{role}@bank.example", role, PASSWORD)
        for role in ("adviser", "supervisor", "admin")
    }


@pytest.fixture
def fresh(people):
    return {role: bearer(user, fresh=True) for role, user in people.items()}


def versions(api, headers) -> dict[str, dict]:
    return {item["version"]: item for item in api.get(MODELS, headers=headers).get_json()["items"]}


def events(action: str) -> list[AuditEvent]:
    session = current_database().session
    session.expire_all()
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_outside_production_the_served_version_is_approved_by_the_system(api, fresh, registry):
    served = registry.active_version()
    listing = versions(api, fresh["adviser"])
    assert listing[served]["approval"]["by"] == "system"
    assert listing[served]["approval"]["note"] == AUTOMATIC_NOTE
    assert listing[NEXT + "aaaaaaa"]["approval"] is None
    active = api.get(MODELS + "/active", headers=fresh["adviser"]).get_json()
    assert active["version"] == served and active["approval"]["note"] == AUTOMATIC_NOTE
    (event,) = events("model_approval")
    assert event.actor_id is None and event.model_version == served
    assert current_database().session.get(PublishedModel, served) is not None


def test_an_admin_approves_with_a_fresh_log_in_and_it_is_stored_and_audited(api, fresh, people):
    version = NEXT + "aaaaaaa"
    response = api.post(f"{MODELS}/{version}/approval", json=NOTE, headers=fresh["admin"])
    assert response.status_code == 201
    approval = response.get_json()["approval"]
    assert (approval["by"], approval["note"], approval["reference"]) == (
        "admin@bank.example",
        NOTE["note"],
        NOTE["reference"],
    )
    row = current_database().session.get(ModelApproval, version)
    published = current_database().session.get(PublishedModel, version)
    assert row.approved_by == people["admin"].id and row.sha256 == published.sha256
    assert versions(api, fresh["adviser"])[version]["approval"] == approval
    (event,) = [e for e in events("model_approval") if e.actor_id is not None]
    assert event.model_version == version and event.details == {"sha256": row.sha256}
    again = api.post(f"{MODELS}/{version}/approval", json=NOTE, headers=fresh["admin"])
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "already_approved"


def test_only_an_admin_approves_activates_or_sets_a_challenger(api, fresh):
    version = NEXT + "aaaaaaa"
    for role in ("adviser", "supervisor"):
        calls = [
            api.post(f"{MODELS}/{version}/approval", json=NOTE, headers=fresh[role]),
            api.put(MODELS + "/active", json={"version": version}, headers=fresh[role]),
            api.put(MODELS + "/challenger", json={"version": version}, headers=fresh[role]),
            api.delete(MODELS + "/challenger", headers=fresh[role]),
        ]
        assert [c.status_code for c in calls] == [403] * 4, role
    assert current_database().session.get(ModelApproval, version) is None
    assert [e.action for e in events("model_activation") + events("model_challenger")] == []


def test_approval_needs_a_token_from_a_fresh_log_in(api, people):
    refreshed = bearer(people["admin"], fresh=False)
    response = api.post(f"{MODELS}/{NEXT}aaaaaaa/approval", json=NOTE, headers=refreshed)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "fresh_token_required"


BAD_APPROVALS = [
    (NEXT + "aaaaaaa", {"reference": "VAL-1"}, 422, "note"),
    (NEXT + "aaaaaaa", {"note": ""}, 422, "note"),
    (NEXT + "aaaaaaa", {"note": "   "}, 422, "note"),
    (NEXT + "aaaaaaa", {"note": "ok", "reference": "x" * 201}, 422, "reference"),
    (NEXT + "aaaaaaa", {"note": "ok", "reference": 12}, 422, "reference"),
    (NEXT + "aaaaaaa", {"note": "ok", "by": "someone"}, 422, "by"),
    ("latest", NOTE, 422, "version"),
    ("20300101T000000Z-bbbbbbb", NOTE, 404, None),
]


def test_bad_approvals_are_refused_naming_the_field(api, fresh):
    for version, body, status, field in BAD_APPROVALS:
        response = api.post(f"{MODELS}/{version}/approval", json=body, headers=fresh["admin"])
        assert response.status_code == status, (version, body)
        if field is not None:
            assert field in response.get_json()["error"]["fields"], (version, body)
    assert (
        current_database().session.scalar(
            select(ModelApproval.version).where(ModelApproval.approved_by.is_not(None))
        )
        is None
    )


def test_the_account_that_trained_a_version_cannot_approve_it(api, fresh, registry):
    version = add_version(registry, NEXT + "ccccccc", trained_by="Admin@bank.example")
    response = api.post(f"{MODELS}/{version}/approval", json=NOTE, headers=fresh["admin"])
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "own_model"
    assert current_database().session.get(ModelApproval, version) is None


BAD_VERSIONS = [
    ("/active", {}, "version"),
    ("/active", {"version": 7}, "version"),
    ("/active", {"version": "../../etc"}, "version"),
    ("/challenger", {"version": None}, "version"),
    ("/challenger", {"version": "x" * 65}, "version"),
    ("/challenger", {"version": NEXT + "aaaaaaa", "force": True}, "force"),
]


def test_bad_versions_are_refused_naming_the_field(api, fresh):
    for path, body, field in BAD_VERSIONS:
        response = api.put(MODELS + path, json=body, headers=fresh["admin"])
        assert response.status_code == 422, (path, body)
        assert field in response.get_json()["error"]["fields"], (path, body)
    assert events("model_activation") + events("model_challenger") == []


def test_an_unapproved_version_is_not_activated_an_approved_one_is(api, fresh, registry):
    version, before = NEXT + "aaaaaaa", registry.active_version()
    refused = api.put(MODELS + "/active", json={"version": version}, headers=fresh["admin"])
    assert refused.status_code == 409 and refused.get_json()["error"]["code"] == "not_approved"
    assert api.get("/api/v1/health").get_json()["model_version"] == before
    api.post(f"{MODELS}/{version}/approval", json=NOTE, headers=fresh["admin"])
    done = api.put(MODELS + "/active", json={"version": version}, headers=fresh["admin"])
    assert done.status_code == 200 and done.get_json() == {"active": version, "challenger": None}
    assert api.get("/api/v1/health").get_json()["model_version"] == version
    assert versions(api, fresh["adviser"])[version]["active"] is True
    (event,) = events("model_activation")
    assert event.model_version == version and event.details["previous"] == before
    unknown = api.put(
        MODELS + "/active", json={"version": NEXT + "bbbbbbb"}, headers=fresh["admin"]
    )
    assert unknown.status_code == 404


def score(api, headers) -> dict:
    response = api.post("/api/v1/score", json=GOOD, headers=headers)
    assert response.status_code == 200
    return response.get_json()


def latest_record() -> ScoreRecord:
    session = current_database().session
    session.expire_all()
    return session.scalars(select(ScoreRecord).order_by(ScoreRecord.created_at.desc())).first()


def keys(value):
    """The response's shape: every key, nested, without the values."""
    if isinstance(value, dict):
        return {k: keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [keys(v) for v in value[:1]]
    return type(value).__name__


def test_the_challenger_scores_in_shadow_stored_never_answered(api, fresh, registry):
    challenger = NEXT + "aaaaaaa"
    plain = score(api, fresh["adviser"])
    assert latest_record().challenger_version is None
    set_it = api.put(MODELS + "/challenger", json={"version": challenger}, headers=fresh["admin"])
    assert set_it.status_code == 200 and set_it.get_json()["challenger"] == challenger
    shadowed = score(api, fresh["adviser"])
    record = latest_record()
    assert record.challenger_version == challenger
    assert 0 < record.challenger_probability < 1
    # The answer is the champion's alone: same keys, same advice, no trace of the challenger.
    assert keys(shadowed) == keys(plain)
    assert shadowed["recommendation"] == plain["recommendation"]
    assert shadowed["model_version"] == registry.active_version()
    batch = api.post(
        "/api/v1/score/batch", json={"clients": [GOOD, GOOD]}, headers=fresh["adviser"]
    )
    assert challenger not in batch.get_data(as_text=True)
    assert (
        api.delete(MODELS + "/challenger", headers=fresh["admin"]).get_json()["challenger"] is None
    )
    score(api, fresh["adviser"])
    assert latest_record().challenger_version is None
    assert [e.details["on"] for e in events("model_challenger")] == [True, False]


def test_the_active_version_cannot_be_its_own_challenger(api, fresh, registry):
    response = api.put(
        MODELS + "/challenger", json={"version": registry.active_version()}, headers=fresh["admin"]
    )
    assert response.status_code == 409 and response.get_json()["error"]["code"] == "already_active"


def test_promoting_the_challenger_is_approval_then_activation(api, fresh):
    challenger = NEXT + "aaaaaaa"
    api.put(MODELS + "/challenger", json={"version": challenger}, headers=fresh["admin"])
    refused = api.put(MODELS + "/active", json={"version": challenger}, headers=fresh["admin"])
    assert refused.get_json()["error"]["code"] == "not_approved"
    api.post(f"{MODELS}/{challenger}/approval", json=NOTE, headers=fresh["admin"])
    promoted = api.put(MODELS + "/active", json={"version": challenger}, headers=fresh["admin"])
    assert promoted.get_json() == {"active": challenger, "challenger": None}
    (event,) = events("model_activation")
    assert event.details["promoted_challenger"] is True
    assert score(api, fresh["adviser"])["model_version"] == challenger


@pytest.fixture
def production_like(make_app, registry):
    """The production rule (MODEL_APPROVAL_REQUIRED, always on with APP_ENV=production) on the
    test configuration: nothing is approved automatically."""
    application = make_app(
        MODEL_REGISTRY_DIR=str(registry.path), RATELIMIT_ENABLED=False, MODEL_APPROVAL_REQUIRED=True
    )
    with application.app_context():
        yield application


def test_in_production_an_unapproved_version_is_not_served(production_like, registry):
    api = production_like.test_client()
    admin = create_user("admin@bank.example", "admin", PASSWORD)
    adviser = create_user("adviser@bank.example", "adviser", PASSWORD)
    served = registry.active_version()
    health = api.get("/api/v1/health").get_json()
    assert health["status"] == "degraded" and health["reason"] == "model_not_approved"
    refused = api.post("/api/v1/score", json=GOOD, headers=bearer(adviser))
    assert refused.status_code == 503
    assert refused.get_json()["error"]["code"] == "model_not_approved"
    assert current_database().session.get(ModelApproval, served) is None
    created = api.post(f"{MODELS}/{served}/approval", json=NOTE, headers=bearer(admin, fresh=True))
    assert created.status_code == 201
    assert api.get("/api/v1/health").get_json()["status"] == "ok"
    assert api.post("/api/v1/score", json=GOOD, headers=bearer(adviser)).status_code == 200


def test_the_portfolio_rescoring_is_shadowed_too(api, fresh, people):
    clients = [add_client(people["adviser"], values) for values in (GOOD, RISKY, GOOD)]
    challenger = NEXT + "aaaaaaa"
    api.put(MODELS + "/challenger", json={"version": challenger}, headers=fresh["admin"])
    jobs.enqueue_rescore(people["admin"], "on_demand", 2)  # in process without Redis: 2 chunks
    session = current_database().session
    session.expire_all()
    records = session.scalars(
        select(ScoreRecord).where(ScoreRecord.client_id.in_([c.id for c in clients]))
    ).all()
    assert len(records) == 3
    assert {r.challenger_version for r in records} == {challenger}
    assert all(0 < r.challenger_probability < 1 for r in records)


def test_an_activation_rescores_every_client_with_the_new_version(api, fresh, people):
    """Stored probabilities come from the model that scored them: after an activation every
    client is rescored by the new version (chunks run here, without Redis)."""
    from app.models import PortfolioJob

    clients = [add_client(people["adviser"], values) for values in (GOOD, RISKY)]
    version = NEXT + "aaaaaaa"
    api.post(f"{MODELS}/{version}/approval", json=NOTE, headers=fresh["admin"])
    done = api.put(MODELS + "/active", json={"version": version}, headers=fresh["admin"])
    assert done.status_code == 200, done.get_json()
    session = current_database().session
    session.expire_all()
    for client in clients:
        latest = session.scalars(
            select(ScoreRecord)
            .where(ScoreRecord.client_id == client.id)
            .order_by(ScoreRecord.created_at.desc())
        ).first()
        assert latest is not None and latest.model_version == version
    (job,) = session.scalars(select(PortfolioJob).where(PortfolioJob.reason == "model_activation"))
    assert job.clients_total == len(clients) and job.model_version == version
