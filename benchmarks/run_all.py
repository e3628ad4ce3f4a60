"""`make bench`: every speed figure of docs/performance.md, one benchmark after another.

Each benchmark is its own script (run it alone for details and options); this runner calls them
in turn, in separate processes so that one's memory and threads never skew the next, and prints
their figures as they come. Benchmarks never assert: they print what they measured.

    .venv/bin/python benchmarks/run_all.py [--small]
        [--only model,seed,api,api-postgres,dashboard,drift,backtest,energy]

--small shrinks every workload (100,000 seeded clients, 10 s of load) for a quick look; the
figures in docs/performance.md come from the full sizes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

FULL = {
    "model": ["bench_model.py"],
    "seed": ["bench_seed.py", "--clients", "1000000"],
    "api": ["bench_api.py", "--duration", "30", "--requests", "1000"],
    "api-postgres": ["bench_api.py", "--postgres", "--duration", "30", "--requests", "1000"],
    "dashboard": ["bench_dashboard.py", "--clients", "1000000"],
    "drift": ["bench_drift.py", "--records", "1000000"],
    "backtest": ["bench_backtest.py", "--outcomes", "100000"],
    "energy": ["bench_energy.py"],
}
SMALL = {
    "model": ["bench_model.py"],
    "seed": ["bench_seed.py", "--clients", "100000"],
    "api": ["bench_api.py", "--duration", "10", "--requests", "300"],
    "api-postgres": ["bench_api.py", "--postgres", "--duration", "10", "--requests", "300"],
    "dashboard": ["bench_dashboard.py", "--clients", "100000", "--repeat", "5"],
    "drift": ["bench_drift.py", "--records", "100000", "--clients", "20000"],
    "backtest": ["bench_backtest.py", "--outcomes", "20000"],
    "energy": ["bench_energy.py", "--scores", "2000", "--portfolio", "20000"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="smaller workloads, quick look")
    parser.add_argument("--only", default=",".join(FULL), help="comma-separated benchmarks")
    args = parser.parse_args()
    plan = SMALL if args.small else FULL
    names = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(names) - set(plan))
    if unknown:
        parser.error(
            f"--only: unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(plan)}"
        )
    failed = []
    for name in names:
        script, *options = plan[name]
        print(f"\n== {name}: {script} {' '.join(options)}", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / script), *options])
        print(f"== {name}: exit {code}, {time.perf_counter() - started:.0f} s wall", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
