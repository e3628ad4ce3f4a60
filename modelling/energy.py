"""Energy and carbon of a piece of work, measured with CodeCarbon (offline, France's grid).

``with measure() as energy: ...`` fills ``energy`` on exit with ``kwh``, ``g_co2e``, ``method``,
``country`` and ``seconds`` (plus ``detail``, one English sentence saying how the figure was
obtained). ``method`` says where the energy came from on this machine:

- ``rapl``: the CPU's RAPL energy counters (a measurement);
- ``cpu_load_estimate``: CodeCarbon's estimate, the CPU's power (TDP) times this process's CPU
  load (no counters readable, the usual case in a virtual machine);
- ``tdp_constant_estimate``: a constant share of the TDP (no load figures either);
- ``other:<mode>``: another CodeCarbon backend (Apple, Windows...);
- ``unavailable``: CodeCarbon could not measure; the figures are None and the work carries on.

The tracker follows this process and its children only (``tracking_mode="process"``): the machine
may be shared, and its other work is not ours. It writes no file and calls no network.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from codecarbon import OfflineEmissionsTracker
from codecarbon.core import cpu as cpu_module

log = logging.getLogger(__name__)

COUNTRY = "FRA"
UNAVAILABLE = "unavailable"
MEASURE_EVERY_S = 10
_METHODS = {
    "intel_rapl": "rapl",
    "cpu_load": "cpu_load_estimate",
    "constant": "tdp_constant_estimate",
}


def _tracker() -> OfflineEmissionsTracker:
    logging.getLogger("codecarbon").setLevel(logging.ERROR)
    return OfflineEmissionsTracker(
        country_iso_code=COUNTRY,
        output_methods=[],  # no emissions.csv, no API, no logger output
        log_level="error",
        tracking_mode="process",
        allow_multiple_runs=True,  # no lock file: a training and a benchmark may overlap
        measure_power_secs=MEASURE_EVERY_S,
    )


def describe_method(tracker) -> tuple[str, str]:
    """(method, detail) from the tracker's CPU object: which backend CodeCarbon settled on."""
    cpus = [h for h in getattr(tracker, "_hardware", []) if type(h).__name__ == "CPU"]
    if not cpus:
        return UNAVAILABLE, "CodeCarbon found no CPU to follow."
    cpu = cpus[0]
    mode = getattr(cpu, "_mode", "unknown")
    method = _METHODS.get(mode, f"other:{mode}")
    model = getattr(cpu, "_model", None) or "unknown CPU"
    if method == "rapl":
        return method, f"CPU energy read from the RAPL counters ({model})."
    tdp = getattr(cpu, "_tdp", None)
    return method, (
        f"No RAPL counters readable: CPU power estimated by CodeCarbon ({mode}) from a TDP of "
        f"{tdp} W for '{model}'"
        + ("" if _known_cpu(model) else " (its default of 4 W per thread: model not in its table)")
        + "; memory power estimated from its size."
    )


def _known_cpu(model: str) -> bool:
    """Whether CodeCarbon's CPU table has this model (else its TDP is a per-thread default)."""
    try:
        return cpu_module.TDP()._get_cpu_power_from_registry(model) is not None
    except Exception:  # only the wording of the detail depends on it
        return False


def _unavailable(reason: str) -> dict:
    return {"kwh": None, "g_co2e": None, "method": UNAVAILABLE, "detail": reason}


def _stop(tracker) -> dict:
    try:
        kg = tracker.stop()
        data = getattr(tracker, "final_emissions_data", None)
        method, detail = describe_method(tracker)
    except Exception as exc:  # measuring must never stop the work it measures
        log.warning("energy not measured: %s", exc)
        return _unavailable(f"CodeCarbon failed while stopping: {exc}")
    if kg is None or data is None:
        return _unavailable("CodeCarbon returned no figures.")
    kwh = float(data.energy_consumed)
    intensity = 1000 * float(kg) / kwh if kwh else None
    detail += (
        f" CPU {data.cpu_energy:.3g} kWh, memory {data.ram_energy:.3g} kWh; "
        f"grid intensity {COUNTRY} {intensity:.0f} g CO2e/kWh (CodeCarbon's figure)."
        if intensity
        else ""
    )
    return {"kwh": kwh, "g_co2e": 1000 * float(kg), "method": method, "detail": detail}


class Measurement:
    """One measurement: ``start()``, then ``stop()`` returns the figures (a second call returns
    the same ones). For code that cannot wrap its work in ``with measure()``."""

    def __init__(self) -> None:
        self.result = {"country": COUNTRY, "seconds": None} | _unavailable("not measured yet")
        self._tracker = None
        self._started: float | None = None

    def start(self) -> Measurement:
        try:
            self._tracker = _tracker()
            self._tracker.start()
        except Exception as exc:  # measuring must never stop the work it measures
            log.warning("energy not measured: %s", exc)
            self.result.update(_unavailable(f"CodeCarbon could not start: {exc}"))
            self._tracker = None
        self._started = time.perf_counter()
        return self

    def stop(self) -> dict:
        if self._started is not None and self.result["seconds"] is None:
            self.result["seconds"] = round(time.perf_counter() - self._started, 3)
            if self._tracker is not None:
                self.result.update(_stop(self._tracker))
                self._tracker = None
        return self.result


@contextmanager
def measure() -> Iterator[dict]:
    """Measure the block; the yielded dict is filled when the block ends (even on error)."""
    measurement = Measurement().start()
    try:
        yield measurement.result
    finally:
        measurement.stop()


def environment_block(energy: dict) -> dict:
    """What a model version's metadata.json keeps of its training's measurement."""
    return {
        "training_kwh": energy["kwh"],
        "training_g_co2e": energy["g_co2e"],
        "method": energy["method"],
        "country": energy["country"],
        "detail": energy["detail"],
        "seconds": energy["seconds"],
    }
