"""Retraining on a bank's own file (issue 12 §8): unusable files refused with the reason, the
missing-value rule per feature, customers kept on one side of every split, and what produced a
version recorded in metadata.json."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
import scipy

from modelling import provenance
from modelling.data import EXCLUDE, MISSING_RULE, DataError, load_csv, synthetic
from modelling.evaluation import split
from modelling.features import FEATURE_NAMES
from modelling.registry import Registry
from modelling.train import TrainConfig, run


def clients(n: int = 600, seed: int = 2) -> pd.DataFrame:
    data = synthetic(n, seed)
    return data.X.assign(default=data.y).astype(object)


def write(tmp_path, frame: pd.DataFrame):
    path = tmp_path / "bank.csv"
    frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("column", FEATURE_NAMES)
def test_a_feature_column_without_any_value_is_refused_by_name(tmp_path, column):
    frame = clients()
    frame[column] = ""
    with pytest.raises(DataError, match=rf"column\(s\) {column} have no value in any row"):
        load_csv(write(tmp_path, frame))


def test_more_than_a_fifth_of_rows_excluded_is_refused_with_the_rules(tmp_path):
    frame = clients()
    ages = frame["age"].copy()
    frame.loc[:130, "age"] = 15  # 131 of 600 rows (21.8 %) out of range
    path = write(tmp_path, frame)
    with pytest.raises(DataError) as refused:
        load_csv(path)
    message = str(refused.value)
    assert "131 of 600 rows excluded (21.8%, more than the 20.0% allowed" in message
    assert "age must be between 18 and 100 (131)" in message
    assert load_csv(path, max_excluded=0.25).rows_used == 469  # the limit is a setting
    frame["age"] = ages
    frame.loc[:119, "age"] = 15  # exactly 20 %: accepted
    assert load_csv(write(tmp_path, frame)).rows_used == 480


def test_the_cli_refuses_such_a_file_and_registers_nothing(tmp_path):
    frame = clients()
    frame["credit_score"] = ""
    command = [sys.executable, "-m", "modelling", "train", "--quick", "--data"]
    command += [str(write(tmp_path, frame)), "--registry", str(tmp_path / "registry")]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 2
    assert "credit_score have no value in any row" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert Registry(tmp_path / "registry").versions() == []


def test_every_feature_has_a_missing_value_rule_and_risk_counts_are_never_guessed():
    assert set(MISSING_RULE) == set(FEATURE_NAMES)
    assert MISSING_RULE["incidents"] == MISSING_RULE["credit_score"] == EXCLUDE


def test_a_missing_incident_count_or_score_never_reaches_the_model(tmp_path):
    frame = clients()
    frame.loc[0:9, "incidents"] = ""
    frame.loc[10:14, "credit_score"] = " "
    frame.loc[15:19, "income"] = ""
    data = load_csv(write(tmp_path, frame))
    assert data.excluded == {"incidents is required": 10, "credit_score is required": 5}
    assert not data.X[["incidents", "credit_score"]].isna().any().any()
    assert data.X["income"].isna().sum() == 5  # kept, imputed in the pipeline


def grouped_clients(customers: int = 500, seed: int = 4) -> pd.DataFrame:
    """Several rows per customer (one per credit request), customer_ref first."""
    rng = np.random.default_rng(seed)
    repeats = rng.integers(1, 6, customers)
    frame = clients(int(repeats.sum()), seed)
    frame.insert(0, "customer_ref", np.repeat([f"C{i:05d}" for i in range(customers)], repeats))
    return frame


def sides(data, groups_dev, groups_hold):
    assert not set(groups_dev) & set(groups_hold)
    for train, valid in data.folds:
        assert not set(groups_dev[train]) & set(groups_dev[valid])


def test_rows_of_one_customer_stay_on_one_side_of_every_split(tmp_path):
    frame = grouped_clients()
    frame.loc[3, "age"] = 15  # an excluded row: the references stay aligned with the rows kept
    frame.loc[7, "customer_ref"] = ""  # no reference: a customer of its own
    data = load_csv(write(tmp_path, frame))
    kept = frame.drop(index=3)
    assert list(data.groups[:6]) == list(kept["customer_ref"][:6])
    parts = split(data.X.to_numpy(float), data.y, 7, data.groups)
    dev = np.setdiff1d(np.arange(len(data.y)), parts.hold_index)
    sides(parts, data.groups[dev], data.groups[parts.hold_index])
    assert len(parts.hold_index) == pytest.approx(0.2 * len(data.y), rel=0.1)
    assert abs(parts.y_hold.mean() - data.y.mean()) < 0.03  # still stratified
    ungrouped = split(data.X.to_numpy(float), data.y, 7)  # without references: rows mix
    mixed = set(data.groups[ungrouped.hold_index]) & set(
        data.groups[np.setdiff1d(np.arange(len(data.y)), ungrouped.hold_index)]
    )
    assert mixed


def test_a_grouped_file_trains_by_customer(tmp_path):
    path = write(tmp_path, grouped_clients(400))
    config = TrainConfig(data=path, registry=tmp_path / "r", quick=True, candidates=["catboost"])
    meta = run(config)
    assert meta["data"]["grouped_by"] == "customer_ref"
    assert meta["data"]["customers"] == 400
    assert meta["data"]["max_excluded_share"] == 0.2


def test_metadata_records_code_scipy_and_the_dependency_set(served_catboost):
    meta = served_catboost.metadata
    commit = meta["provenance"]["code_version"]["commit"]
    # The checkout's HEAD when it trained: HEAD itself, or an ancestor if a commit came since.
    ancestry = ["git", "-C", str(provenance.SOURCE), "merge-base", "--is-ancestor", commit, "HEAD"]
    assert len(commit) == 40 and subprocess.run(ancestry, check=False).returncode == 0
    assert meta["provenance"]["code_version"]["source"] == "git"
    assert meta["libraries"]["scipy"] == scipy.__version__
    assert meta["provenance"]["dependencies"] == provenance.dependency_set()
    installed = {d.metadata["Name"] for d in importlib.metadata.distributions()}
    assert meta["provenance"]["dependencies"]["packages"] == len(
        {provenance._normalised(n) for n in installed}
    )


def test_the_dependency_hash_changes_with_any_version(monkeypatch):
    before = provenance.dependency_set()["sha256"]
    real = importlib.metadata.distributions

    class Bumped:
        def __init__(self, dist):
            self.metadata, self.version = dist.metadata, dist.version
            if dist.metadata["Name"].lower() == "scipy":
                self.version += ".post1"

    monkeypatch.setattr(provenance, "distributions", lambda: [Bumped(d) for d in real()])
    assert provenance.dependency_set()["sha256"] != before


def test_without_git_the_platforms_commit_is_recorded(monkeypatch):
    monkeypatch.setattr(provenance, "_git", lambda *args: None)
    monkeypatch.setenv("SOURCE_VERSION", "abc1234")
    assert provenance.code_version() == {
        "commit": "abc1234",
        "dirty": None,
        "source": "SOURCE_VERSION",
    }
    for name in provenance.PLATFORM_COMMIT:
        monkeypatch.delenv(name, raising=False)
    assert provenance.code_version()["commit"] is None
