"""What produced a version, for metadata.json: the code's commit and the installed dependencies.

A version must be reproducible and its figures explainable a year later: the commit says which
code trained it (git when the source tree is a checkout, else the commit the platform deployed:
SOURCE_VERSION on Heroku, RENDER_GIT_COMMIT on Render), and one sha256 over every installed
distribution's name and version says whether an environment is the one it was trained in.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from importlib.metadata import distributions
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent
PLATFORM_COMMIT = ("SOURCE_VERSION", "RENDER_GIT_COMMIT", "GIT_COMMIT")


def _git(*args: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run(  # noqa: S603 (fixed arguments, no user input)
            [git, "-C", str(SOURCE), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def code_version() -> dict:
    """{"commit", "dirty", "source"}: commit None when neither git nor the platform tells."""
    commit = _git("rev-parse", "HEAD")
    if commit:
        status = _git("status", "--porcelain", "--untracked-files=no", "--", "modelling")
        return {"commit": commit, "dirty": bool(status), "source": "git"}
    for name in PLATFORM_COMMIT:
        if os.environ.get(name):
            return {"commit": os.environ[name], "dirty": None, "source": name}
    return {"commit": None, "dirty": None, "source": "unknown"}


def dependency_set() -> dict:
    """sha256 of the sorted ``name==version`` lines of every installed distribution."""
    pins = sorted({f"{_normalised(d.metadata['Name'])}=={d.version}" for d in distributions()})
    digest = hashlib.sha256("\n".join(pins).encode()).hexdigest()
    return {"sha256": digest, "packages": len(pins)}


def _normalised(name: str) -> str:
    """PEP 503 name: the same distribution however its metadata spells it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def describe() -> dict:
    return {"code_version": code_version(), "dependencies": dependency_set()}
