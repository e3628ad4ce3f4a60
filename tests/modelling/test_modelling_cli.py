"""The CLI end to end: messy CSV, exclusions by rule, list/promote/ensure, unusable files."""

from __future__ import annotations

import subprocess
import sys

import pytest
from modelling_helpers import EXPECTED_EXCLUSIONS, messy_frame

from modelling.cli import main
from modelling.features import FEATURE_NAMES
from modelling.synthetic import generate


def test_train_on_messy_csv(cli_run):
    proc, registry = cli_run
    assert proc.returncode == 0, proc.stderr
    for name in ("baseline", "logistic", "spline_logistic", "catboost"):
        assert any(name in line and "fold 5/5" in line for line in proc.stderr.splitlines())
        assert name in proc.stdout
    meta = registry.load().metadata
    assert meta["data"]["excluded_by_rule"] == EXPECTED_EXCLUSIONS
    assert meta["data"]["rows_read"] == 3000
    assert meta["data"]["rows_used"] == 3000 - sum(EXPECTED_EXCLUSIONS.values())
    assert all(meta["data"]["missing_cells"][c] > 0 for c in ("income", "seniority"))
    assert meta["true_pd"] is None
    assert (
        "within the margin" in meta["choice"]["sentence"]
        or "best CV AUC" in meta["choice"]["sentence"]
    )
    html = (registry.path / meta["version"] / "report.html").read_text()
    assert "age must be between 18 and 100" in html
    assert "Rows used 2944, excluded 56" in proc.stdout


def test_list_promote_and_ensure(cli_run, capsys):
    _, registry = cli_run
    version = registry.active_version()
    assert main(["list", "--registry", str(registry.path)]) == 0
    assert f"* {version}" in capsys.readouterr().out
    assert main(["promote", version, "--registry", str(registry.path)]) == 0
    assert main(["ensure", "--quick", "--registry", str(registry.path)]) == 0
    assert "nothing to do" in capsys.readouterr().out
    assert len(registry.versions()) == 1
    assert main(["promote", "20000101T000000Z-0000000", "--registry", str(registry.path)]) == 1


def _write(path, frame):
    frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing_column", "missing column(s): credit_score"),
        ("no_positive", "no positive class"),
        ("too_few_rows", "only 60 usable rows"),
        ("not_csv", "not a readable CSV"),
        ("bad_target_name", "missing column(s): defaulted"),
    ],
)
def test_unusable_file(tmp_path, capsys, case, message):
    frame = generate(300, seed=1)[[*FEATURE_NAMES, "default"]]
    args = []
    if case == "missing_column":
        path = _write(tmp_path / "x.csv", frame.drop(columns="credit_score"))
    elif case == "no_positive":
        path = _write(tmp_path / "x.csv", frame.assign(default=0))
    elif case == "too_few_rows":
        path = _write(tmp_path / "x.csv", frame.head(60))
    elif case == "not_csv":
        path = tmp_path / "x.csv"
        path.write_bytes(bytes(range(256)) * 10)
    else:
        path = _write(tmp_path / "x.csv", frame)
        args = ["--target", "defaulted"]
    registry = tmp_path / "registry"
    code = main(["train", "--quick", "--data", str(path), "--registry", str(registry), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not registry.exists() or not any(registry.iterdir())


def test_unusable_file_subprocess_exit_code(tmp_path):
    path = _write(tmp_path / "x.csv", messy_frame(50))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "modelling",
            "train",
            "--quick",
            "--data",
            str(path),
            "--registry",
            str(tmp_path / "registry"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("error:") and "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0
    assert not (tmp_path / "registry").exists()
