"""Shared fixtures: ONE quick CatBoost training and ONE quick CLI run per session."""

from __future__ import annotations

import subprocess
import sys

import pytest
from modelling_helpers import messy_frame

from modelling.registry import Registry
from modelling.train import TrainConfig, run


@pytest.fixture(scope="session")
def catboost_registry(tmp_path_factory) -> Registry:
    """A registry holding one quick CatBoost version (active), trained in process."""
    path = tmp_path_factory.mktemp("registry-catboost")
    run(TrainConfig(registry=path, quick=True, rows=4000, seed=7, candidates=["catboost"]))
    return Registry(path)


@pytest.fixture(scope="session")
def served_catboost(catboost_registry):
    served = catboost_registry.load()
    assert served.algorithm == "catboost"
    return served


@pytest.fixture(scope="session")
def cli_run(tmp_path_factory):
    """``python -m modelling train --quick`` end to end on a messy 3,000-row CSV."""
    folder = tmp_path_factory.mktemp("cli")
    csv = folder / "clients.csv"
    messy_frame().to_csv(csv, index=False)
    registry = folder / "registry"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "modelling",
            "train",
            "--data",
            str(csv),
            "--quick",
            "--registry",
            str(registry),
            "--seed",
            "3",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return proc, Registry(registry)
