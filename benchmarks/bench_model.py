"""Serving and training speed of the registered model.

Usage: .venv/bin/python benchmarks/bench_model.py [--registry DIR] [--full-training]
Without --registry a --quick model is trained into a temporary folder first.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from modelling.features import FEATURE_NAMES
from modelling.registry import Registry
from modelling.synthetic import generate
from modelling.train import TrainConfig, run

BATCHES = (1, 10, 100, 1_000, 100_000)


def _median_ms(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def bench_serving(registry: Registry) -> None:
    started = time.perf_counter()
    served = registry.load()
    print(
        f"model {served.version} ({served.algorithm}), load + verify + explainer build: "
        f"{(time.perf_counter() - started) * 1e3:.0f} ms"
    )
    clients = generate(100_000, seed=99)[list(FEATURE_NAMES)].astype(float)
    one_df, one_array = clients.iloc[[0]], clients.iloc[[0]].to_numpy()
    print(
        f"one client, DataFrame input, probability + explanation: median "
        f"{_median_ms(lambda: served.explain(one_df), 2000) * 1e3:.0f} us"
    )
    print(
        f"one client, ndarray input,   probability + explanation: median "
        f"{_median_ms(lambda: served.explain(one_array), 2000) * 1e3:.0f} us"
    )
    print("batch     total ms   per client us   (DataFrame input, explain)")
    for size in BATCHES:
        batch = clients.iloc[:size]
        ms = _median_ms(lambda b=batch: served.explain(b), 3 if size >= 100_000 else 50)
        print(f"{size:>7}  {ms:>9.2f}   {ms * 1e3 / size:>12.2f}")
    if served.algorithm == "catboost":
        _bench_native(registry, served, clients)


def _bench_native(registry: Registry, served, clients: pd.DataFrame) -> None:
    """CatBoost's own ShapValues for comparison (not used for serving)."""
    from catboost import CatBoostClassifier, Pool

    model = CatBoostClassifier().load_model(
        str(registry.path / served.version / served.metadata["artefact"]["file"])
    )
    print("native CatBoost ShapValues (reference only):")
    for size in BATCHES[:4]:
        pool = Pool(clients.iloc[:size])
        ms = _median_ms(lambda p=pool: model.get_feature_importance(p, type="ShapValues"), 20)
        print(f"{size:>7}  {ms:>9.2f} ms  {ms * 1e3 / size:>10.1f} us/client")


def bench_training(quick: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        meta = run(TrainConfig(registry=Path(tmp), quick=quick))
    training = meta["training"]
    print(
        f"{'quick' if quick else 'full'} training on {meta['data']['rows_used']} rows: "
        f"wall {training['wall_seconds']:.1f} s, CPU {training['cpu_seconds']:.1f} s, "
        f"champion {meta['algorithm']} (hold-out AUC {meta['holdout']['metrics']['auc']:.4f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--registry", type=Path)
    parser.add_argument("--full-training", action="store_true", help="also time a full training")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(f"cores: {os.cpu_count()}, numpy {np.__version__}")
    if args.registry:
        bench_serving(Registry(args.registry))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            run(TrainConfig(registry=Path(tmp), quick=True))
            print(f"quick training (into a temp registry): {time.perf_counter() - started:.1f} s")
            bench_serving(Registry(tmp))
    if args.full_training:
        bench_training(quick=False)


if __name__ == "__main__":
    main()
