"""Energy of training, measured with CodeCarbon (issue 15 §1): the full search against smaller
configurations, with the champion's hold-out AUC beside each, to choose at equal AUC.

    .venv/bin/python benchmarks/bench_training_energy.py [--variants full quick logistic catboost]
        [--rows 50000] [--seed 42]

Each variant is one `modelling.train.run` into a temporary registry, on the same synthetic data
and split; its energy is the `environment` block training writes into metadata.json
(modelling/energy.py: this process and its children, France's grid). Variants:

- full: every candidate, full search (what `python -m modelling train` does);
- quick: every candidate, the quick search (`--quick`);
- logistic: the baseline and the logistic regression only, full search;
- catboost: the baseline and CatBoost only, full search.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from pathlib import Path

from modelling.train import TrainConfig, run

VARIANTS = {
    "full": {"quick": False, "candidates": None},
    "quick": {"quick": True, "candidates": None},
    "logistic": {"quick": False, "candidates": ["logistic"]},
    "catboost": {"quick": False, "candidates": ["catboost"]},
}


def measure(name: str, rows: int, seed: int, folder: Path) -> dict:
    config = TrainConfig(registry=folder / name, rows=rows, seed=seed, **VARIANTS[name])
    meta = run(config)
    env = meta["environment"]
    champion = meta["candidates"][meta["algorithm"]]
    return {
        "variant": name,
        "champion": meta["algorithm"],
        "cv_auc": champion["cv"]["auc"],
        "holdout_auc": meta["holdout"]["metrics"]["auc"],
        "seconds": env["seconds"],
        "kwh": env["training_kwh"],
        "g_co2e": env["training_g_co2e"],
        "method": env["method"],
        "detail": env["detail"],
    }


def _figure(value, fmt: str) -> str:
    return "n/a" if value is None else format(value, fmt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure(name, args.rows, args.seed, Path(tmp)) for name in args.variants]
    print(f"{args.rows:,} synthetic rows, seed {args.seed}")
    print("variant    champion         CV AUC  hold-out AUC  seconds      Wh   g CO2e  method")
    for r in results:
        wh = None if r["kwh"] is None else r["kwh"] * 1000
        print(
            f"{r['variant']:<10} {r['champion']:<15} {r['cv_auc']:.4f}  {r['holdout_auc']:.4f}"
            f"       {r['seconds']:>7.1f}  {_figure(wh, '>6.3f')}  "
            f"{_figure(r['g_co2e'], '>7.4f')}  {r['method']}"
        )
    print("how measured:", results[0]["detail"])


if __name__ == "__main__":
    main()
