"""What the challenger in shadow (issue 12 §4) adds to POST /api/v1/score, under gunicorn.

One server, one database, one run: the challenger is switched off and on by the CLI
(`flask --app wsgi models challenger VERSION|--off`, another process, as an operator would) in
alternating rounds; after each switch the run waits until the score records say every worker
has picked it up, then measures sequential POST /api/v1/score p50 (with the explanation) and,
as the run's reference, GET /api/v1/health. The challenger is a second version of the quick
model (the same trees under another id): the same work as a challenger of its kind.

    .venv/bin/python benchmarks/bench_shadow.py [--rounds 4] [--requests 300] [--postgres]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from bench_api import environment, health, log_in, prepare, random_client, request, sequential
from localserver import BIN, ROOT, free_port, serve, stop, temporary_postgres
from sqlalchemy import create_engine, text

CHALLENGER = "20300101T000000Z-bbbbbbb"


def add_challenger(registry: Path, env: dict[str, str]) -> None:
    """A copy of the active version under the challenger's id, signed like training signs."""
    sys.path.insert(0, str(ROOT))
    from modelling.registry import Registry

    reg = Registry(registry, env.get("MODEL_SIGNING_KEY"))
    shutil.copytree(registry / reg.active_version(), registry / CHALLENGER)
    path = registry / CHALLENGER / "metadata.json"
    meta = json.loads(path.read_text())
    meta["version"] = CHALLENGER
    path.write_text(json.dumps(meta))
    reg.sign(CHALLENGER)


def switch(env: dict[str, str], on: bool) -> None:
    args = ["models", "challenger", CHALLENGER if on else "--off"]
    done = subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")


def wait_until_served(port: int, token: str, engine, on: bool, deadline: float = 20.0) -> None:
    """Until 20 scores in a row (both workers) carry the challenger, or none do."""
    rng, streak, until = random.Random(3), 0, time.monotonic() + deadline
    while streak < 20:
        if time.monotonic() > until:
            raise SystemExit("the workers did not pick up the challenger switch in time")
        request(port, "POST", "/api/v1/score", random_client(rng), token)
        with engine.connect() as connection:
            version = connection.execute(
                text(
                    "SELECT challenger_version FROM score_records ORDER BY created_at DESC LIMIT 1"
                )
            ).scalar()
        streak = streak + 1 if (version == CHALLENGER) == on else 0


def shadow_component(registry: Path, env: dict[str, str], repeats: int = 2_000) -> float:
    """The shadow's own work for one score, in process: the challenger's probability for one
    feature set (what services/shadow adds to a request), median in microseconds."""
    import numpy as np

    from modelling.features import FEATURE_NAMES
    from modelling.registry import Registry

    model = Registry(registry, env.get("MODEL_SIGNING_KEY")).load(CHALLENGER)
    row = random_client(random.Random(5))
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        X = np.array([[row[name] for name in FEATURE_NAMES]], dtype=float)
        model.screening_proba(X).tolist()
        times.append((time.perf_counter() - started) * 1e6)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4, help="off/on pairs")
    parser.add_argument("--requests", type=int, default=300, help="sequential requests a phase")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-shadow-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        registry = workdir / "registry"
        port = free_port()
        env = environment(workdir, registry, port)
        if args.postgres:
            env["DATABASE_URL"] = stack.enter_context(temporary_postgres("bench_shadow"))
        prepare(workdir, None, env)
        add_challenger(registry, env)
        engine = create_engine(env["DATABASE_URL"])
        server = serve(env, port, ready_path="/api/v1/health")
        figures: dict[str, dict[str, list[float]]] = {
            mode: {"score": [], "health": []} for mode in ("off", "on")
        }
        try:
            token = log_in(port)
            for _ in range(args.rounds):
                for mode in ("off", "on"):
                    switch(env, mode == "on")
                    wait_until_served(port, token, engine, mode == "on")
                    scores = sequential(port, token, args.requests)
                    figures[mode]["score"].append(scores["p50_ms"])
                    figures[mode]["health"].append(health(port, args.requests)["p50_ms"])
        finally:
            stop(server)
            engine.dispose()
        figures["component_us"] = shadow_component(registry, env)
    report(figures, "PostgreSQL" if args.postgres else "SQLite")
    return 0


def report(figures: dict, backend: str) -> None:
    component = figures.pop("component_us")
    median = {m: {k: statistics.median(v) for k, v in f.items()} for m, f in figures.items()}
    off, on = median["off"]["score"], median["on"]["score"]
    lines = [
        f"shadow scoring, {backend}, median of {len(figures['off']['score'])} rounds each",
        f"POST /score p50 without challenger: {off:.2f} ms (health p50 "
        f"{median['off']['health']:.2f} ms)",
        f"POST /score p50 with challenger:    {on:.2f} ms (health p50 "
        f"{median['on']['health']:.2f} ms)",
        f"overhead: {on - off:+.2f} ms ({(on - off) / off * 100:+.1f} %)",
        f"shadow's own work per score, in process: {component:.0f} µs "
        f"({component / 1000 / off * 100:.2f} % of the p50 without challenger)",
        "rounds (off, on): "
        + ", ".join(
            f"({a:.2f}, {b:.2f})"
            for a, b in zip(figures["off"]["score"], figures["on"]["score"], strict=True)
        ),
    ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
