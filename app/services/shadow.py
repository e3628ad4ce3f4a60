"""The challenger in shadow (issue 12 §4): while an administrator has set one, every stored
score is also computed by the challenger, probability only, and kept on the score record.

It never reaches a response, a page or a recommendation: the callers only add the two columns
to the rows they are about to insert. A score given without the model (kill switch) has no
shadow; a challenger that fails is logged and leaves the columns empty, never the score.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np

from app.services.models import model_service
from modelling.features import FEATURE_NAMES

log = logging.getLogger(__name__)


def probabilities(rows: Sequence[dict]) -> tuple[str | None, list[float] | None]:
    """The challenger's version and its probability for each feature set, or (None, None)."""
    challenger = model_service().challenger
    if challenger is None or not rows:
        return None, None
    X = np.array([[row[name] for name in FEATURE_NAMES] for row in rows], dtype=float)
    try:
        return challenger.version, challenger.screening_proba(X).tolist()
    except Exception:  # a shadow must never fail the score it shadows
        log.exception("challenger %s failed to score in shadow", challenger.version)
        return None, None


def annotate(records: list[dict]) -> None:
    """Set challenger_version and challenger_probability on the score records (insert rows)
    that the champion scored."""
    scored = [r for r in records if r["model_version"] is not None]
    version, shadows = probabilities([r["inputs"] for r in scored])
    if version is None:
        return
    for record, probability in zip(scored, shadows, strict=True):
        record["challenger_version"] = version
        record["challenger_probability"] = probability
