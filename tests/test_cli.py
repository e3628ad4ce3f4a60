"""Operator commands end to end through Flask's CLI runner."""

from __future__ import annotations

from sqlalchemy import func, select

from app.database import current_database
from app.models import Client, User


def _count(model):
    return current_database().session.scalar(select(func.count()).select_from(model))


def test_users_create_stores_an_argon2id_hash_not_the_password(runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "A.Martin@Bank.example",
            "--role",
            "adviser",
            "--password",
            "Correct-Horse-42",
        ]
    )
    assert result.exit_code == 0, result.output
    user = current_database().session.scalar(select(User))
    assert user.email == "a.martin@bank.example"
    assert user.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert "Correct-Horse-42" not in user.password_hash


def test_users_create_prompts_when_no_password_is_given(runner):
    result = runner.invoke(
        args=["users", "create", "s@bank.example", "--role", "supervisor"],
        input="Correct-Horse-42\nCorrect-Horse-42\n",
    )
    assert result.exit_code == 0, result.output
    assert _count(User) == 1


def test_users_create_rejects_a_weak_password_with_the_rule(runner):
    result = runner.invoke(
        args=["users", "create", "a@bank.example", "--role", "admin", "--password", "short"]
    )
    assert result.exit_code == 2
    assert "at least 12 characters" in result.output
    assert _count(User) == 0


def test_users_create_rejects_a_duplicate_email(runner, adviser):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "adviser@bank.example",
            "--role",
            "adviser",
            "--password",
            "Correct-Horse-42",
        ]
    )
    assert result.exit_code == 2
    assert "already used" in result.output


def test_seed_needs_an_adviser(runner):
    result = runner.invoke(args=["seed", "--clients", "10"])
    assert result.exit_code == 2
    assert "no active adviser" in result.output


def test_seed_rejects_a_non_positive_count(runner, adviser):
    result = runner.invoke(args=["seed", "--clients", "0"])
    assert result.exit_code == 2
    assert "--clients" in result.output


def test_seed_fills_the_advisers_portfolios(runner, adviser):
    result = runner.invoke(args=["seed", "--clients", "300"])
    assert result.exit_code == 0, result.output
    assert _count(Client) == 300
    clients = current_database().session.scalars(select(Client)).all()
    assert {c.adviser_id for c in clients} == {adviser.id}
    assert all(c.data_updated_at.tzinfo is not None for c in clients)


def test_demo_init_creates_accounts_and_clients_once(runner):
    first = runner.invoke(args=["demo", "init"])
    assert first.exit_code == 0, first.output
    assert "conseiller1@demo.example" in first.output
    assert _count(Client) == 10_000
    second = runner.invoke(args=["demo", "init"])
    assert "nothing to do" in second.output
    assert _count(Client) == 10_000


def test_demo_init_can_migrate_an_empty_store_first(tmp_path, app_settings):
    """`make run` migrates and seeds in one process; a fresh store ends up at the head."""
    from app import create_app
    from db.migrate import current_revision, head_revision

    application = create_app(
        {
            **app_settings,
            "DATABASE_URL": f"sqlite:///{tmp_path}/new.db",
            "MODEL_REGISTRY_DIR": str(tmp_path),
        }
    )
    try:
        result = application.test_cli_runner().invoke(args=["demo", "init", "--migrate"])
        assert result.exit_code == 0, result.output
        with application.app_context():
            engine = current_database().engine
            assert current_revision(engine) == head_revision(engine)
            assert _count(Client) == 10_000
    finally:
        application.extensions["database"].dispose()


def test_clients_import_reports_rejected_rows(runner, adviser, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "customer_ref,age,income,seniority,incidents,credit_score,data_updated_at,adviser_email\n"
        "A1,40,35000,5,0,700,2026-06-01,adviser@bank.example\n"
        "A2,12,35000,5,0,700,2026-06-01,adviser@bank.example\n"
    )
    result = runner.invoke(args=["clients", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "line 3, column age: must be between 18 and 100" in result.output
    assert "1 created, 0 updated, 1 rows rejected" in result.output


def test_clients_import_of_a_missing_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(args=["clients", "import", str(tmp_path / "none.csv")])
    assert result.exit_code == 2
    assert "cannot read" in result.output


def test_db_current_reports_the_head(runner):
    from db.migrate import head_revision

    head = head_revision(current_database().engine)
    result = runner.invoke(args=["db", "current"])
    assert result.exit_code == 0
    assert f"current: {head}  head: {head}" in result.output
