"""The champion and its challenger side by side, on the scores that carry a shadow score.

`scores` counts the score records where the champion served a probability and the challenger
computed one in shadow; `agreement` is the share of them that both models put in the same
recommendation band (services/policy, each model with its own threshold), `rank_correlation`
Spearman's rho of the two probabilities (scipy). The back-tests run on the outcomes both models
scored: each outcome with the latest such record on or before its day.
"""

from __future__ import annotations

import json

import numpy as np
from flask import current_app
from scipy.stats import spearmanr
from sqlalchemy import select

from app.database import current_database
from app.models import PublishedModel, ScoreRecord, User
from app.services import lifecycle, permissions
from app.services.backtest import arrays, as_report, paired, run
from app.services.errors import Conflict, NotFound
from app.services.models import model_service
from app.services.policy import policy_for
from modelling.registry import RegistryError


def current_challenger() -> str | None:
    """The challenger an administrator set (services/lifecycle), or None."""
    return lifecycle.choice()["challenger"]


def threshold_of(version: str) -> float:
    """The version's own cost-minimising threshold, from its registered or published metadata."""
    try:
        return float(model_service().registry.metadata(version)["threshold"])
    except (RegistryError, KeyError, TypeError, ValueError):
        pass
    row = current_database().session.get(PublishedModel, version)
    if row is None:
        raise NotFound("The model version's metadata is not available.", code="unknown_version")
    return float(json.loads(row.metadata_file)["threshold"])


def bands(probabilities: np.ndarray, threshold: float) -> np.ndarray:
    """0 favourable, 1 review, 2 unfavourable, with the policy's cut-offs."""
    policy = policy_for(threshold)
    cuts = [policy.favourable_below, policy.unfavourable_from]
    return np.searchsorted(cuts, probabilities, side="right")


def _shadow_pairs(champion: str, challenger: str) -> np.ndarray:
    session = current_database().session
    query = select(ScoreRecord.probability, ScoreRecord.challenger_probability).where(
        ScoreRecord.model_version == champion,
        ScoreRecord.challenger_version == challenger,
        ScoreRecord.probability.is_not(None),
        ScoreRecord.challenger_probability.is_not(None),
    )
    rows = session.execute(query).all()
    return np.asarray(rows, dtype=float).reshape(-1, 2)


def challenger_report(actor: User) -> dict:
    permissions.require(actor, "backtest")
    challenger = current_challenger()
    if challenger is None:
        raise NotFound("No challenger is set.", code="no_challenger")
    champion = model_service().version
    pairs = _shadow_pairs(champion, challenger) if champion else np.zeros((0, 2))
    if len(pairs) == 0:
        raise Conflict(
            "No score carries a shadow score of the challenger yet.", code="no_shadow_scores"
        )
    champion_p, challenger_p = pairs[:, 0], pairs[:, 1]
    champion_bands = bands(champion_p, threshold_of(champion))
    same = champion_bands == bands(challenger_p, threshold_of(challenger))
    rho = None
    if len(pairs) > 1 and np.ptp(champion_p) > 0 and np.ptp(challenger_p) > 0:
        rho = float(spearmanr(champion_p, challenger_p).statistic)
    rows = paired(
        [ScoreRecord.model_version == champion, ScoreRecord.challenger_version == challenger],
        [ScoreRecord.probability, ScoreRecord.challenger_probability],
    )
    y, p_champion, p_challenger = arrays(rows, 3)
    return {
        "champion": champion,
        "challenger": challenger,
        "scores": len(pairs),
        "agreement": float(same.mean()),
        "rank_correlation": rho,
        "backtest": {
            "champion": {"model_version": champion} | as_report(run(y, p_champion)),
            "challenger": {"model_version": challenger} | as_report(run(y, p_challenger)),
        },
        "min_outcomes": current_app.config["BACKTEST_MIN_OUTCOMES"],
    }
