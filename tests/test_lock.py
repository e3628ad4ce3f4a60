"""The hashed lock agrees with what setup.cfg declares, and is what this environment runs.

Every declared package is locked with hashes; nothing is locked that no declared package needs
(the closure of the declared requirements, read from the installed packages' own metadata);
the dev lock holds the runtime lock unchanged.
"""

from __future__ import annotations

import configparser
import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def locked(name: str) -> dict[str, str]:
    """{package: version} of a lock file; fails on a pin without a hash."""
    text = (ROOT / name).read_text()
    pins: dict[str, str] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = PIN.match(block)
        if match is None:
            continue
        assert "--hash=sha256:" in block, f"{name}: {match.group(1)} has no hash"
        pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def declared(extra: str | None = None) -> list[Requirement]:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    key, section = (
        ("install_requires", "options") if extra is None else (extra, "options.extras_require")
    )
    lines = config[section][key].strip().splitlines()
    return [Requirement(line.strip()) for line in lines if line.strip()]


def closure(requirements: list[Requirement]) -> set[str]:
    """Every distribution the requirements pull in here, extras and markers evaluated."""
    seen: set[str] = set()
    todo = [(r, "") for r in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        extras = set(requirement.extras)
        key = name + "[" + ",".join(sorted(extras)) + "]"
        if key in seen:
            continue
        seen.add(key)
        for dependency in metadata.distribution(name).requires or ():
            child = Requirement(dependency)
            if not child.marker:
                todo.append((child, ""))
            else:
                todo.extend((child, e) for e in extras or {""})
    return {key.split("[")[0] for key in seen}


@pytest.mark.parametrize(
    ("lock", "extras"), [("requirements.txt", ()), ("requirements-dev.txt", ("dev",))]
)
def test_every_declared_package_is_locked_and_nothing_else(lock, extras):
    wanted = declared() + [r for e in extras for r in declared(e)]
    pins = locked(lock)
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is declared in setup.cfg but not in {lock}"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{lock} pins {name}=={pins[name]}, outside setup.cfg's {requirement}"
        )
    needed = closure(wanted)
    assert set(pins) - needed == set(), f"locked in {lock} but needed by nothing declared"
    assert needed - set(pins) == set(), f"needed but missing from {lock}"


def test_the_dev_lock_keeps_every_runtime_pin():
    runtime, dev = locked("requirements.txt"), locked("requirements-dev.txt")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_this_environment_runs_the_locked_versions():
    pins = locked("requirements-dev.txt")
    installed = {name: metadata.version(name) for name in pins}
    assert installed == pins
