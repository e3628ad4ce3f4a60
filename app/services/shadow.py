"""The challenger in shadow (issue 12 §4): while an administrator has set one, every stored
score is also computed by the challenger, probability only, and kept on the score record.

It never reaches a response, a page or a recommendation: `annotate` only adds the two columns
to the rows about to be inserted. A score given without the model (kill switch) has no shadow.
"""

from __future__ import annotations

import logging

import numpy as np

from app.services.models import model_service
from modelling.features import FEATURE_NAMES

log = logging.getLogger(__name__)


def annotate(records: list[dict]) -> None:
    """Set challenger_version and challenger_probability on score records (insert rows) that
    the champion scored; a challenger that fails is logged and leaves them empty."""
    challenger = model_service().challenger
    scored = [r for r in records if r["model_version"] is not None]
    if challenger is None or not scored:
        return
    X = np.array([[r["inputs"][name] for name in FEATURE_NAMES] for r in scored], dtype=float)
    try:
        probabilities = challenger.screening_proba(X).tolist()
    except Exception:  # a shadow must never fail the score it shadows
        log.exception("challenger %s failed to score in shadow", challenger.version)
        return
    for record, probability in zip(scored, probabilities, strict=True):
        record["challenger_version"] = challenger.version
        record["challenger_probability"] = probability
