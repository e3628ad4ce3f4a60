"""Several instances, one truth (issue 14 §2): what one instance decides, the other obeys.

Two gunicorn instances x 2 workers on one PostgreSQL database and one Redis (tests/scale/
conftest.py). The tests run in file order; the log-in throttle blocks the loopback address for a
while and the last test kills instance 1, so both come last.
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import threading
import time
import uuid
from collections import Counter

import pytest
from gunicorn_helpers import call
from sqlalchemy import create_engine, text

from app.database import current_database
from app.services.audit_verify import verify

pytestmark = [pytest.mark.scale, pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

FEATURES = {"age": 42, "seniority": 6.5, "incidents": 0, "credit_score": 720}
THREADS_PER_INSTANCE = 3


def wait_for(condition, seconds: float, what: str) -> float:
    """Poll `condition` until true; return how long it took, fail after `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return time.monotonic() - started
        time.sleep(0.1)
    raise AssertionError(f"{what}: not within {seconds} s")


def test_a_token_revoked_on_one_instance_is_refused_by_the_other_at_once(cluster):
    token = cluster.login("adviser@bank.example", instance=0)
    one, two = (instance.port for instance in cluster.instances)
    assert call(two, "GET", "/api/v1/clients?per_page=1", token=token)[0] == 200

    assert call(one, "POST", "/api/v1/auth/logout", token=token)[0] in (200, 204)

    # No polling: the very next request on the other instance must be refused.
    status, body = call(two, "GET", "/api/v1/clients?per_page=1", token=token)
    assert status == 401, body
    assert call(one, "GET", "/api/v1/clients?per_page=1", token=token)[0] == 401


def test_the_kill_switch_set_on_one_instance_is_obeyed_by_the_other(cluster):
    admin, adviser = cluster.admin_token, cluster.adviser_token
    one, two = (instance.port for instance in cluster.instances)
    body = FEATURES | {"income": 38_000.0}

    def served_by_model() -> bool:
        status, answer = call(two, "POST", "/api/v1/score", body, token=adviser)
        assert status == 200, answer
        return answer["probability_of_default"] is not None

    assert served_by_model()
    switched = call(one, "PUT", "/api/v1/admin/model-switch", {"enabled": False}, token=admin)
    assert switched[0] == 200, switched
    try:
        wait_for(lambda: not served_by_model(), 5, "instance 2 obeys the switch-off")
        status, state = call(two, "GET", "/api/v1/admin/model-switch", token=admin)
        assert status == 200 and state["enabled"] is False, state
    finally:
        back = call(one, "PUT", "/api/v1/admin/model-switch", {"enabled": True}, token=admin)
    assert back[0] == 200, back
    wait_for(served_by_model, 5, "instance 2 obeys the switch back on")


class Load:
    """Advisers on both instances: ad-hoc scores (each with its own income, so each request is
    recognisable in the store) and decisions (each with its own justification)."""

    def __init__(self, ports: list[int], token: str, client_ids: list[str]) -> None:
        self.ports, self.token, self.client_ids = ports, token, client_ids
        self.acknowledged: dict[str, Counter] = {"score": Counter(), "decision": Counter()}
        self.unanswered: dict[str, Counter] = {"score": Counter(), "decision": Counter()}
        self.statuses: Counter = Counter()
        self.last_ack: dict[int, float] = {}
        self._numbers = itertools.count(1)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._run, args=(port, n), daemon=True)
            for port in ports
            for n in range(THREADS_PER_INSTANCE)
        ]

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def _send(self, port: int, kind: str, key, path: str, body: dict) -> None:
        try:
            status, _ = call(port, "POST", path, body, self.token)
        except (OSError, http.client.HTTPException):
            with self._lock:
                self.unanswered[kind][key] += 1
            time.sleep(0.05)  # the instance is gone: do not spin on a closed port
            return
        with self._lock:
            self.statuses[status] += 1
            if status in (200, 201):
                self.acknowledged[kind][key] += 1
                self.last_ack[port] = time.monotonic()

    def _run(self, port: int, index: int) -> None:
        client = self.client_ids[(self.ports.index(port) * THREADS_PER_INSTANCE + index)]
        # A decision is taken on a score: each adviser looks at their client once first.
        with contextlib.suppress(OSError, http.client.HTTPException):
            call(port, "GET", f"/api/v1/clients/{client}/score?explain=false", token=self.token)
        for turn in range(100_000):  # bounded, whatever happens to the stop event
            if self._stop.is_set():
                return
            with self._lock:
                number = next(self._numbers)
            if turn % 3 == 2:
                justification = f"load test decision {uuid.uuid4()}"
                body = {"decision": "approve", "justification": justification, "confirm": True}
                self._send(
                    port, "decision", justification, f"/api/v1/clients/{client}/decisions", body
                )
            else:
                income = 30_000 + number / 100  # unique per request, exact in binary64 to 1e-2
                self._send(
                    port, "score", round(income, 2), "/api/v1/score", FEATURES | {"income": income}
                )


def stored(cluster) -> tuple[Counter, Counter, Counter]:
    engine = create_engine(cluster.database_url)
    with engine.connect() as db:
        incomes = Counter(
            round(float(value), 2)
            for (value,) in db.execute(
                text("SELECT inputs->>'income' FROM score_records WHERE client_id IS NULL")
            )
        )
        justifications = Counter(
            value for (value,) in db.execute(text("SELECT justification FROM decisions"))
        )
        audited = Counter(
            dict(
                db.execute(text("SELECT action, count(*) FROM audit_events GROUP BY action")).all()
            )
        )
    engine.dispose()
    return incomes, justifications, audited


def assert_exactly_once(load: Load, cluster, before) -> None:
    """Each acknowledged request stored once, each unanswered one at most once, nothing else;
    one audit event per stored record; the chain verifies. `before`: stored() before the load."""
    after = stored(cluster)
    new = [after[i] - before[i] for i in (0, 1)]
    for kind, found in zip(("score", "decision"), new, strict=True):
        acked, unknown = load.acknowledged[kind], load.unanswered[kind]
        missing = [key for key in acked if found[key] != 1]
        assert not missing, f"{len(missing)} acknowledged {kind}s not stored exactly once"
        extra = [
            key for key in found if key not in acked and (key not in unknown or found[key] > 1)
        ]
        assert not extra, f"{len(extra)} {kind}s stored that nobody sent, or stored twice"
    audited = after[2] - before[2]
    assert audited["score"] == sum(new[0].values())
    assert audited["decision"] == sum(new[1].values())
    with cluster.app.app_context():
        report = verify(current_database().session)
        assert report.ok, report


def test_thirty_seconds_of_load_through_both_instances_is_stored_exactly_once(cluster):
    ports = [instance.port for instance in cluster.instances]
    before = stored(cluster)
    with Load(ports, cluster.adviser_token, cluster.client_ids) as load:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            time.sleep(0.5)
    assert set(load.statuses) <= {200, 201}, load.statuses  # no 500, no refusal
    assert not any(sum(c.values()) for c in load.unanswered.values()), load.unanswered
    acked = {kind: sum(c.values()) for kind, c in load.acknowledged.items()}
    assert acked["score"] > 100 and acked["decision"] > 30, acked
    assert set(load.last_ack) == set(ports)  # both instances took their share
    assert_exactly_once(load, cluster, before)
    print(f"acknowledged {acked} in 30 s through 2 instances x 2 workers")


def test_the_log_in_throttle_counts_failures_made_on_both_instances(cluster):
    one, two = (instance.port for instance in cluster.instances)
    wrong = {"email": "target@bank.example", "password": "not-the-password"}
    # RATELIMIT_LOGIN "5 per minute": five failures pass, the sixth attempt waits. Three on one
    # instance and two on the other: neither instance alone has reached five.
    for port in (one, one, one, two, two):
        status, body = call(port, "POST", "/api/v1/auth/login", wrong)
        assert status == 401, body
    right = wrong | {"password": "Correct-Horse-42"}
    for port in (one, two):
        status, body = call(port, "POST", "/api/v1/auth/login", right)
        assert status == 429, body
        assert body["error"]["code"] == "too_many_attempts", body


def test_an_instance_killed_mid_load_loses_nothing_acknowledged(cluster):
    one, two = (instance.port for instance in cluster.instances)
    before = stored(cluster)
    with Load([one, two], cluster.adviser_token, cluster.client_ids) as load:
        wait_for(lambda: set(load.last_ack) == {one, two}, 30, "both instances answering")
        time.sleep(3)  # load on both for a while: the kill lands mid-request
        cluster.instances[0].kill_all()
        killed_at = time.monotonic()
        wait_for(lambda: load.last_ack[two] > killed_at + 3, 30, "instance 2 still answering")
    assert cluster.instances[0].process.poll() is not None
    assert sum(sum(c.values()) for c in load.unanswered.values()) > 0  # the kill was felt
    assert set(load.statuses) <= {200, 201}, load.statuses  # instance 2 never failed a request
    assert_exactly_once(load, cluster, before)
