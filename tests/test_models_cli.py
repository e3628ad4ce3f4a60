"""`flask --app wsgi models ...`: approve, activate, challenger, list (issue 12 §1, §4)."""

from __future__ import annotations

import pytest
from lifecycle_helpers import NEXT, add_version, copy_registry
from sqlalchemy import select

from app.database import current_database
from app.models import AuditEvent, ModelApproval
from app.services import lifecycle
from app.services.users import create_user

NEW = NEXT + "aaaaaaa"
NOTE = "Validation report read; back-test within limits."
PASSWORD = "Correct-Horse-42"


@pytest.fixture
def cli_app(make_app, model_registry, tmp_path):
    registry = copy_registry(model_registry, tmp_path / "cli-registry")
    add_version(registry, NEW)
    application = make_app(MODEL_REGISTRY_DIR=str(registry.path))
    with application.app_context():
        create_user("admin@bank.example", "admin", PASSWORD)
        yield application


@pytest.fixture
def run(cli_app):
    runner = cli_app.test_cli_runner()
    return lambda *args: runner.invoke(args=["models", *args])


def test_approve_activate_and_the_challenger_from_the_shell(run):
    challenger = run("challenger", NEW)
    assert challenger.exit_code == 0 and f"challenger: {NEW}" in challenger.output
    assert lifecycle.choice()["challenger"] == NEW
    off = run("challenger", "--off")
    assert off.exit_code == 0 and lifecycle.choice()["challenger"] is None
    approved = run(
        "approve", NEW, "--by", "Admin@bank.example", "--note", NOTE, "--reference", "V-9"
    )
    assert approved.exit_code == 0, approved.output
    row = current_database().session.get(ModelApproval, NEW)
    assert (row.approver, row.note, row.reference) == ("admin@bank.example", NOTE, "V-9")
    activated = run("activate", NEW)
    assert activated.exit_code == 0 and f"active version: {NEW}" in activated.output
    assert lifecycle.choice()["active"] == NEW
    listing = run("list")
    assert f"{NEW}  active approved by admin@bank.example" in listing.output
    actions = (
        current_database()
        .session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("model_%")))
        .all()
    )
    assert actions.count("model_challenger") == 2 and "model_activation" in actions


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("approve", NEW, "--by", "nobody@bank.example", "--note", NOTE), "--by: must name"),
        (("approve", NEW, "--by", "admin@bank.example", "--note", " "), "note: is required"),
        (("approve", "latest", "--by", "admin@bank.example", "--note", NOTE), "version: must be"),
        (("approve", NEW, "--by", "admin@bank.example"), "Missing option '--note'"),
        (("activate", NEW), "VERSION: This version has no approval"),
        (("activate", "20300101T000000Z-bbbbbbb"), "No such model version"),
        (("challenger",), "give either VERSION or --off"),
        (("challenger", NEW, "--off"), "give either VERSION or --off"),
    ],
)
def test_bad_arguments_end_with_one_line_naming_the_rule(run, args, said):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert said in result.output and "Traceback" not in result.output
    assert current_database().session.get(ModelApproval, NEW) is None
    assert lifecycle.choice() == {"active": lifecycle.choice()["active"], "challenger": None}
    assert lifecycle.choice()["active"] != NEW
