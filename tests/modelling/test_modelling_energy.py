"""Energy and carbon of training (issue 15 §1): modelling/energy.py measures with CodeCarbon
(offline, France's grid), says how, never stops the work it measures, and every trained
version keeps its figures in metadata.json."""

from __future__ import annotations

import json

import pytest

from modelling import energy
from modelling.train import TrainConfig, run

SHAPE = {"kwh", "g_co2e", "method", "country", "seconds", "detail"}
MEASURED = ("rapl", "cpu_load_estimate", "tdp_constant_estimate")


def busy_work() -> int:
    return sum(i * i for i in range(300_000))


class FailingTracker:
    def __init__(self, fail_on: str):
        self.fail_on = fail_on

    def start(self):
        if self.fail_on == "start":
            raise RuntimeError("no power source readable")

    def stop(self):
        raise RuntimeError("the scheduler died")


def test_a_measurement_has_figures_a_method_and_writes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with energy.measure() as used:
        busy_work()
    assert set(used) == SHAPE
    assert used["country"] == "FRA"
    assert used["method"] in MEASURED
    assert used["kwh"] > 0 and used["g_co2e"] > 0 and used["seconds"] > 0
    # CodeCarbon's French grid is low-carbon: tens of grams per kWh, not hundreds.
    assert 10 < used["g_co2e"] / used["kwh"] < 150
    assert "RAPL" in used["detail"]  # the detail always says whether the counters were read
    assert list(tmp_path.iterdir()) == []  # no emissions.csv, no lock file


def test_the_method_names_the_cpu_backend_codecarbon_settled_on():
    def tracker_with(mode: str):
        cpu = type("CPU", (), {"_mode": mode, "_model": "Test CPU", "_tdp": 65})()
        return type("Tracker", (), {"_hardware": [object(), cpu]})()

    assert energy.describe_method(tracker_with("intel_rapl"))[0] == "rapl"
    method, detail = energy.describe_method(tracker_with("cpu_load"))
    assert method == "cpu_load_estimate"
    assert "No RAPL" in detail and "65 W" in detail
    assert energy.describe_method(tracker_with("constant"))[0] == "tdp_constant_estimate"
    assert energy.describe_method(tracker_with("powermetrics"))[0] == "other:powermetrics"


@pytest.mark.parametrize("fail_on", ["start", "stop"])
def test_a_failing_tracker_gives_unavailable_and_the_work_goes_on(monkeypatch, fail_on):
    monkeypatch.setattr(energy, "_tracker", lambda: FailingTracker(fail_on))
    with energy.measure() as used:
        result = busy_work()
    assert result == busy_work()
    assert set(used) == SHAPE
    assert used["method"] == "unavailable"
    assert used["kwh"] is None and used["g_co2e"] is None
    assert used["seconds"] > 0


def test_every_trained_version_keeps_its_training_energy(catboost_registry):
    version = catboost_registry.active_version()
    meta = json.loads((catboost_registry.path / version / "metadata.json").read_text())
    env = meta["environment"]
    assert env["country"] == "FRA"
    assert env["method"] in MEASURED
    assert env["training_kwh"] > 0 and env["training_g_co2e"] > 0
    assert env["seconds"] <= meta["training"]["wall_seconds"] + 1


def test_a_training_codecarbon_cannot_measure_is_registered_as_unavailable(tmp_path, monkeypatch):
    monkeypatch.setattr(energy, "_tracker", lambda: FailingTracker("start"))
    meta = run(
        TrainConfig(registry=tmp_path, quick=True, rows=2000, seed=5, candidates=["logistic"])
    )
    stored = json.loads((tmp_path / meta["version"] / "metadata.json").read_text())
    assert stored["environment"]["method"] == "unavailable"
    assert stored["environment"]["training_kwh"] is None
    assert stored["environment"]["training_g_co2e"] is None
    assert stored["environment"]["country"] == "FRA"
