"""The processes a deployment runs: web, release, clock and the RQ worker (Procfile and Render
alike), and a worker that cannot run says why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def test_heroku_and_render_run_the_same_worker_and_clock():
    processes = procfile()
    assert set(processes) == {"web", "release", "clock", "worker"}
    assert processes["clock"] == "python -m app.clock"
    assert processes["worker"] == "python -m app.worker --workers 2"
    services = yaml.safe_load((ROOT / "render.yaml").read_text())["services"]
    started = {s["name"]: s.get("startCommand") for s in services}
    assert started["credit-scoring-worker"] == processes["worker"]
    assert started["credit-scoring-clock"] == processes["clock"]
    # Nothing else does the periodic work: the clock enqueues it, the workers run it.
    assert not [s for s in services if s["type"] == "cron"]


def run_worker(*args: str, **environ: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    return subprocess.run(
        [sys.executable, "-m", "app.worker", *args],
        env={**env, "APP_ENV": "testing", **environ},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_worker_without_redis_says_what_is_missing():
    result = run_worker("--burst")
    assert result.returncode == 2
    assert "REDIS_URL is not set" in result.stderr and "Traceback" not in result.stderr


def test_a_worker_count_below_one_is_refused_by_name():
    result = run_worker("--workers", "0", REDIS_URL="redis://127.0.0.1:6379/8")
    assert result.returncode == 2
    assert "--workers must be at least 1" in result.stderr and "Traceback" not in result.stderr
