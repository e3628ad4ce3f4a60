"""The model page's approval section and the unapproved-model banner (issue 12 §1, §4), and the
lifecycle's rules through every face: service, API, dashboard callback and command line."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

import pytest
from dashboard_helpers import PASSWORD, find, in_callback, text_of
from flask_jwt_extended import create_access_token
from flask_login import login_user
from lifecycle_helpers import NEXT, add_version, copy_registry
from sqlalchemy import func, select

from app.callbacks import model_lifecycle as callbacks
from app.database import current_database
from app.models import AuditEvent, ModelApproval, utcnow
from app.services import lifecycle
from app.services.permissions import ActionForbidden
from app.services.users import create_user
from app.texts import t
from app.web.auth import SessionUser

NEW = NEXT + "aaaaaaa"
NOTE = "Validation report read; back-test within limits."


@pytest.fixture
def registry(model_registry, tmp_path):
    registry = copy_registry(model_registry, tmp_path / "dash-lifecycle")
    add_version(registry, NEW)
    return registry


def _app(make_app, registry, **settings):
    return make_app(MODEL_REGISTRY_DIR=str(registry.path), RATELIMIT_ENABLED=False, **settings)


@pytest.fixture
def lc_app(make_app, registry):
    application = _app(make_app, registry)
    with application.app_context():
        yield application


@pytest.fixture
def people(lc_app):
    return {
        role: create_user(f"{role}@bank.example", role, PASSWORD)
        for role in ("adviser", "supervisor", "admin")
    }


def acting_on(app):
    @contextmanager
    def as_user(user, lang: str = "fr", fresh: bool = True):
        with app.test_request_context(
            "/_dash-update-component", method="POST", headers={"Cookie": f"lang={lang}"}
        ):
            logged_in_at = utcnow() if fresh else utcnow() - timedelta(days=1)
            login_user(SessionUser(user, logged_in_at))
            yield

    return as_user


@pytest.fixture
def acting(lc_app):
    return acting_on(lc_app)


def section(lang: str = "fr"):
    """The section as a reader sees it first (the frame), and its table as redrawn after a
    change (the body): both must say the same."""
    frame, body = callbacks.frame(1), callbacks.body(1)
    assert text_of(find(frame, "model-lc-table")) == text_of(find(body, "model-lc-table"))
    return frame, body


def confirm(action: str, version: str | None, note=NOTE, reference=None):
    """Press the action's button, then confirm in the dialogue: the feedback shown."""
    button = "model-lc-" + action.replace("_", "-")
    presses = [1 if b == button else 0 for b in callbacks.BUTTONS] + [0, 0]
    opened, _body, _yes, _no, pending = in_callback(
        callbacks.ask, *presses, version, trigger=button
    )
    assert opened is True
    feedback, _changed = callbacks.act(1, pending, note, reference, 0)
    return feedback


def approvals() -> int:
    session = current_database().session
    return session.scalar(
        select(func.count())
        .select_from(ModelApproval)
        .where(ModelApproval.approved_by.is_not(None))
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_reader_sees_each_version_and_its_approval(acting, people, registry, lang):
    with acting(people["admin"]):
        lifecycle.set_challenger(NEW, people["admin"])
    with acting(people["adviser"], lang):
        frame, body = section(lang)
    table = text_of(find(body, "model-lc-table"))
    assert registry.active_version() in table and NEW in table
    assert t("lc_role_active", lang) in table and t("lc_not_approved", lang) in table
    assert t("lc_approved_by", lang, by=t("lc_system", lang), date="")[:12] in table
    assert t("lc_role_challenger", lang) not in table  # never named to an adviser
    assert find(frame, "model-lc-controls") is None and find(frame, "model-lc-modal") is None
    with acting(people["supervisor"], lang):
        _frame, body = section(lang)
    assert t("lc_role_challenger", lang) in text_of(find(body, "model-lc-table"))


def test_an_admin_approves_after_confirming_and_the_page_shows_it(acting, people):
    with acting(people["admin"], "en"):
        frame, body = section("en")
        assert find(frame, "model-lc-modal") is not None
        assert find(frame, "model-lc-controls") is not None
        button = "model-lc-approve"
        presses = [1 if b == button else 0 for b in callbacks.BUTTONS] + [0, 0]
        opened, said, *_rest, pending = in_callback(callbacks.ask, *presses, NEW, trigger=button)
        assert opened and NEW in said and approvals() == 0  # nothing before the confirmation
        closed = in_callback(callbacks.ask, *presses[:-2], 1, 0, NEW, trigger="model-lc-cancel")
        assert closed[0] is False and approvals() == 0
        feedback, changed = callbacks.act(1, pending, NOTE, "VAL-7", 0)
        assert feedback.id == "model-lc-done" and changed == 1
        _frame, body = section("en")
    row = current_database().session.get(ModelApproval, NEW)
    assert (row.approved_by, row.note, row.reference) == (people["admin"].id, NOTE, "VAL-7")
    assert "admin@bank.example" in text_of(find(body, "model-lc-table"))


BAD_VALUES = [
    ("approve", NEW, None, None, "lc_error_note"),
    ("approve", NEW, "   ", None, "lc_error_note"),
    ("approve", NEW, NOTE, "x" * 201, "lc_error_reference"),
    ("approve", NEW, NOTE, ["VAL"], "lc_error_reference"),
    ("approve", None, NOTE, None, "lc_error_version"),
    ("approve", {"v": 1}, NOTE, None, "lc_error_version"),
    ("activate", NEW, NOTE, None, "lc_error_not_approved"),
    ("activate", NEXT + "bbbbbbb", NOTE, None, "lc_error_not_found"),
]


def test_bad_values_are_named_and_nothing_is_written(acting, people):
    with acting(people["admin"], "en"):
        for action, version, note, reference, key in BAD_VALUES:
            feedback = confirm(action, version, note, reference)
            assert text_of(feedback) == t(key, "en"), (action, version, note, reference)
    assert approvals() == 0
    assert lifecycle.choice()["active"] != NEW


def test_approving_from_the_page_needs_a_fresh_log_in(acting, people):
    with acting(people["admin"], "en", fresh=False):
        feedback = confirm("approve", NEW)
    assert "log" in text_of(feedback).lower() and approvals() == 0


def test_the_admin_sets_activates_and_stops_from_the_page(acting, people):
    with acting(people["admin"], "en"):
        assert confirm("challenger", NEW).id == "model-lc-done"
        assert lifecycle.choice()["challenger"] == NEW
        assert confirm("challenger_off", None).id == "model-lc-done"
        assert lifecycle.choice()["challenger"] is None
        confirm("approve", NEW)
        assert confirm("activate", NEW).id == "model-lc-done"
    assert lifecycle.choice()["active"] == NEW


def test_the_banner_shows_on_every_page_while_the_model_is_not_approved(make_app, registry):
    strict = _app(make_app, registry, MODEL_APPROVAL_REQUIRED=True)  # production's rule
    with strict.app_context():
        adviser = create_user("adviser@bank.example", "adviser", PASSWORD)
        admin = create_user("admin@bank.example", "admin", PASSWORD)
        with acting_on(strict)(adviser, "en"):
            for path in ("/", "/model", "/simulator"):
                shown = callbacks.banner(path)
                assert shown.id == "model-not-approved-alert"
                assert t("model_not_approved_banner", "en") in text_of(shown)
            lifecycle.approve(registry.active_version(), admin, NOTE, fresh_login=True)
            assert callbacks.banner("/") is None


# --- one answer per (action, role) through every face ----------------------------------------

ALLOWED = "allowed"
ROLES = ("adviser", "supervisor", "admin")  # refusals first: they must leave the state as is


def by_service(action, actor):
    calls = {
        "approve": lambda: lifecycle.approve(NEW, actor, NOTE, fresh_login=True),
        "activate": lambda: lifecycle.activate(NEW, actor),
        "challenger": lambda: lifecycle.set_challenger(NEW, actor),
    }
    try:
        calls[action]()
    except ActionForbidden as exc:
        return exc.reason
    return ALLOWED


def by_api(http, action, actor):
    token = create_access_token(
        identity=str(actor.id), additional_claims={"role": actor.role.value}, fresh=True
    )
    headers = {"Authorization": f"Bearer {token}"}
    calls = {
        "approve": lambda: http.post(
            f"/api/v1/models/{NEW}/approval", json={"note": NOTE}, headers=headers
        ),
        "activate": lambda: http.put(
            "/api/v1/models/active", json={"version": NEW}, headers=headers
        ),
        "challenger": lambda: http.put(
            "/api/v1/models/challenger", json={"version": NEW}, headers=headers
        ),
    }
    response = calls[action]()
    if response.status_code < 300:
        return ALLOWED
    assert response.status_code == 403, response.get_json()
    return "role"


def by_callback(action, actor, acting):
    with acting(actor, "en"):
        feedback = confirm(action, NEW)
    if feedback.id == "model-lc-done":
        return ALLOWED
    roles = t("role_admin", "en").lower()
    assert text_of(feedback) == t("forbidden_role", "en", roles=roles)
    return "role"


def by_cli(lc_app, action, actor):
    if action != "approve":  # activate and challenger: the operator at the shell, no role
        return None
    result = lc_app.test_cli_runner().invoke(
        args=["models", "approve", NEW, "--by", actor.email, "--note", NOTE]
    )
    if result.exit_code == 0:
        return ALLOWED
    assert result.exit_code == 2 and "Your role does not allow this operation" in result.output
    return "role"


def prepare(action, people):
    """The state the action needs: approved before an activation."""
    if action == "activate":
        lifecycle.approve(NEW, people["admin"], NOTE, fresh_login=True)


def undo(action):
    session = current_database().session
    if action == "approve":
        session.execute(ModelApproval.__table__.delete().where(ModelApproval.version == NEW))
        session.commit()
    else:
        lifecycle.activate(lifecycle.choice()["active"], None)  # unchanged settings
        lifecycle.stop_challenger(None)


def changes() -> int:
    actions = ("model_approval", "model_activation", "model_challenger")
    query = select(func.count()).select_from(AuditEvent).where(AuditEvent.action.in_(actions))
    return current_database().session.scalar(query)


@pytest.mark.parametrize("action", ["approve", "activate", "challenger"])
def test_every_face_gives_the_same_answer(lc_app, people, acting, action):
    prepare(action, people)
    for role in ROLES:
        expected = ALLOWED if role == "admin" else "role"
        actor = people[role]
        faces = {
            "service": lambda: by_service(action, actor),
            "api": lambda: by_api(lc_app.test_client(), action, actor),
            "callback": lambda: by_callback(action, actor, acting),
            "cli": lambda: by_cli(lc_app, action, actor),
        }
        for face, run in faces.items():
            before = changes()
            answer = run()
            if answer is None:
                continue
            assert answer == expected, (face, action, role)
            if expected == ALLOWED:
                undo(action)
            else:
                assert changes() == before, (face, role, "a refusal wrote something")
