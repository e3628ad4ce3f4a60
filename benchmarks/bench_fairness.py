"""Cost of the served-policy figures a training adds (fairness table with bootstrap, policy cost).

Usage: .venv/bin/python benchmarks/bench_fairness.py [--rows 10000] [--repeat 3]
Generated probabilities and outcomes for --rows hold-out clients over every age band; best of
--repeat for 1,000 and 200 (--quick) resamples. Reference: one point-only fairlearn MetricFrame of
the same figures (what the table costs without intervals), in the same run.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
from fairlearn.metrics import MetricFrame

from modelling.fairness import _metrics, age_band, fairness_table
from modelling.policy import Policy, served_outcome


def _best(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    p = rng.beta(1, 8, args.rows)
    y = (rng.random(args.rows) < p).astype(int)
    age = rng.integers(18, 90, args.rows).astype(float)
    policy = Policy(0.1, 0.2)
    bands = pd.Series(age_band(age), name="age_band")

    def point_only():
        return MetricFrame(metrics=_metrics(policy), y_true=y, y_pred=p, sensitive_features=bands)

    figures = {
        "reference: MetricFrame, point figures only": point_only,
        "fairness_table, 1,000 resamples": lambda: fairness_table(age, y, p, policy, 1000, 0),
        "fairness_table, 200 resamples (--quick)": lambda: fairness_table(
            age, y, p, policy, 200, 0
        ),
        "served_outcome": lambda: served_outcome(policy, y, p, 10, 1, 0.1),
    }
    print(f"{args.rows} clients, best of {args.repeat}")
    for name, call in figures.items():
        print(f"{name:<45} {_best(call, args.repeat) * 1e3:9.1f} ms")


if __name__ == "__main__":
    main()
