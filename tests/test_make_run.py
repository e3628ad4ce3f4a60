"""`make run` as a new user sees it: the development-defaults warning once (not once per step or
process), then the URL to open with the demo log-ins, printed by the server once it listens."""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WARNING = "development defaults in use"
MARKERS = ("DYNO", "RENDER", "APP_ENV", "QUIET_DEV_DEFAULTS", "WEB_CONCURRENCY")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def fresh_clone_env(tmp_path, model_registry) -> dict:
    """The environment of a fresh clone: no secrets, no APP_ENV, the store under tmp."""
    env = {k: v for k, v in os.environ.items() if k not in MARKERS and "KEY" not in k}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path}/demo.db", MODEL_REGISTRY_DIR=str(model_registry))
    return env


def recipe_prefix() -> dict:
    """The variables the Makefile's run recipe sets for its `demo init` step."""
    line = next(
        line for line in (ROOT / "Makefile").read_text().splitlines() if "demo init" in line
    )
    return dict(re.findall(r"(\w+)=(\S+)\s", line.split("$(FLASK)")[0]))


def lines_until(stream, done, timeout: float = 90) -> list[str]:
    """The server's lines up to the one `done` accepts (read on a thread: no sleeping)."""
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    seen = []
    while True:
        line = lines.get(timeout=timeout)
        seen.append(line)
        if done(line):
            return seen


def test_make_run_warns_once_and_prints_the_url_with_the_demo_log_ins(fresh_clone_env):
    setup = subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", "demo", "init", "--migrate"],
        cwd=ROOT,
        env=fresh_clone_env | recipe_prefix(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert setup.returncode == 0, setup.stderr[-2000:]
    port = free_port()
    with subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT,
        env=fresh_clone_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as server:
        try:
            served = lines_until(server.stdout, lambda line: "admin@demo.example" in line)
        finally:
            server.terminate()
            server.wait(timeout=30)
    everything = setup.stdout + setup.stderr + "".join(served)
    assert everything.count(WARNING) == 1
    welcome = "".join(served[next(i for i, x in enumerate(served) if "Open " in x) :])
    assert f"Open http://127.0.0.1:{port} in a browser." in welcome
    assert "Demo-Conseil-2026" in welcome
    for account in ("conseiller1@demo.example", "superviseur@demo.example"):
        assert account in welcome
