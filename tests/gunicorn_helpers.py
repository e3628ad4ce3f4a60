"""Gunicorn as the Procfile runs it, for the tests that drive real processes over loopback
(tests/reliability, tests/scale): a free port, one JSON call, a server's worker processes."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def call(port: int, method: str, path: str, body=None, token=None) -> tuple[int, dict | None]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        connection.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = connection.getresponse()
        raw = response.read()
        return response.status, json.loads(raw) if raw else None
    finally:
        connection.close()


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


class Server:
    """One gunicorn master started from the Procfile's configuration."""

    def __init__(self, port: int, env: dict, log: Path) -> None:
        self.port, self.env, self.log = port, env, log
        self.workers = int(env.get("WEB_CONCURRENCY", "2"))
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                [
                    str(gunicorn),
                    "-c",
                    "gunicorn.conf.py",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "wsgi:app",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            try:
                # gunicorn forks its workers up to 0.1 s apart: the first may answer before the
                # last exists, so started means healthy and every worker forked.
                healthy = call(self.port, "GET", "/api/v1/health")[0] == 200
                if healthy and len(children(self.process.pid)) >= self.workers:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError("gunicorn did not become healthy within 90 s")

    def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=40)

    def kill_all(self) -> None:
        """SIGKILL the master and every worker at once, as a lost machine would."""
        for pid in (*children(self.process.pid), self.process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
