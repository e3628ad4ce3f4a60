"""Counterfactual search, before and after its core moved into modelling/ (issue 12 §7).

Usage: .venv/bin/python benchmarks/bench_counterfactual.py [--before REV] [--rounds N]

"Before" is app/services/counterfactual.py at REV (default 49cbfa7, the last commit before the
move), read with `git show` and imported under another name; "after" is the current service.
Both run in the same process, interleaved round by round, on the fixed model and 3,000 clients
of tests/modelling/counterfactual_cases.py. The reference is the served model's probability and
explanation of the same clients, measured in the same rounds.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "modelling"))

from counterfactual_cases import MARGIN, THRESHOLD, fixed_model, load  # noqa: E402

from app.services import counterfactual as after  # noqa: E402
from modelling.policy import Policy  # noqa: E402


def _old_module(rev: str):
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:app/services/counterfactual.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "counterfactual_before.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("counterfactual_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seconds(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", default="49cbfa7")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    before = _old_module(args.before)
    model, recorded = fixed_model(), load()
    X, recommendations = np.array(recorded["clients"]), recorded["recommendations"]
    policy = Policy(THRESHOLD, MARGIN)
    alone = range(400)  # the first 400 clients, each scored alone (the client page's case)
    batch = slice(0, 1000)  # one API batch of 1,000
    figures: dict[str, list[float]] = {}

    def one_by_one(module):
        for i in alone:
            module.search(model, X[[i]], [recommendations[i]], policy, "fr")

    def in_batch(module):
        module.search(model, X[batch], recommendations[batch], policy, "fr")

    runs = {
        "reference: explain 1,000 (ms)": lambda: model.explain(X[batch]),
        "reference: explain 1 x 400 (ms per client)": lambda: [
            model.explain(X[[i]]) for i in alone
        ],
    }
    for name, module in (("before", before), ("after", after)):
        runs[f"{name}: 400 clients alone (ms per client)"] = lambda m=module: one_by_one(m)
        runs[f"{name}: batch of 1,000 (ms)"] = lambda m=module: in_batch(m)
    for round_ in range(args.rounds):  # before and after swap places every round (ABBA)
        order = list(runs.items())
        for name, run in order if round_ % 2 == 0 else order[::-1]:
            figures.setdefault(name, []).append(_seconds(run) * 1e3)
    print(f"{args.rounds} interleaved rounds (order swapped each round); median [min - max]")
    for name, values in figures.items():
        scale = 1 / len(alone) if "per client" in name else 1
        median, low, high = (
            v * scale for v in (statistics.median(values), min(values), max(values))
        )
        print(f"{name:<45} {median:8.3f}  [{low:.3f} - {high:.3f}]")


if __name__ == "__main__":
    main()
