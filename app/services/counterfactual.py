"""Counterfactuals: the smallest realistic change of one actionable feature that improves the
recommendation, found by scoring, never guessed.

The model is monotone in every actionable feature, so along the risk-lowering direction the
recommendation can only improve: a bisection over the lattice of `step` changes finds the first
value that crosses the cut. All (client, feature) pairs are searched together, one vectorised
predict_proba per bisection round (about log2 of the lattice size), and the chosen candidates are
re-scored once more before they are reported.
"""

from __future__ import annotations

import numpy as np

from app import i18n
from app.services.policy import FAVOURABLE, UNFAVOURABLE, Policy, rank
from modelling.features import FEATURES, INCREASES_RISK

ACTIONABLE = [(j, f) for j, f in enumerate(FEATURES) if f.actionable and f.monotone]
# Realistic reach: income at most doubled (or +20,000 € for low incomes); others: their range.
INCOME_FACTOR, INCOME_MIN_RAISE = 2.0, 20_000.0


def _bound(feature, current: np.ndarray) -> np.ndarray:
    if feature.monotone == INCREASES_RISK:
        return np.full_like(current, feature.minimum)
    if feature.name == "income":
        reach = np.maximum(current * INCOME_FACTOR, current + INCOME_MIN_RAISE)
        return np.minimum(reach, feature.maximum)
    return np.full_like(current, feature.maximum)


def search(model, X: np.ndarray, recommendations: list[str], policy: Policy, lang: str):
    """One counterfactual dict per row of X (features in FEATURE_NAMES order)."""
    results: list[dict | None] = [None] * len(X)
    todo = [i for i, r in enumerate(recommendations) if r != FAVOURABLE]
    cuts = np.array([policy.upper if r == UNFAVOURABLE else policy.lower for r in recommendations])
    rows, cols, starts, signs, steps, bounds = [], [], [], [], [], []
    for j, feature in ACTIONABLE:
        if not todo:
            break
        current = X[todo, j]
        bound = _bound(feature, current)
        sign = -1.0 if feature.monotone == INCREASES_RISK else 1.0
        rows.extend(todo)
        cols.extend([j] * len(todo))
        starts.extend(current)
        signs.extend([sign] * len(todo))
        steps.extend(np.ceil(np.abs(bound - current) / feature.step).astype(int))
        bounds.extend(bound)
    rows, cols = np.array(rows, int), np.array(cols, int)
    starts, signs, bounds = np.array(starts), np.array(signs), np.array(bounds)
    hi = np.array(steps, int)
    step_sizes = np.array([FEATURES[j].step for j in cols]) if len(cols) else np.array([])

    def value_at(k: np.ndarray, idx: np.ndarray) -> np.ndarray:
        moved = starts[idx] + signs[idx] * k * step_sizes[idx]
        return np.where(
            signs[idx] > 0, np.minimum(moved, bounds[idx]), np.maximum(moved, bounds[idx])
        )

    def succeeds(k: np.ndarray, idx: np.ndarray) -> np.ndarray:
        candidates = X[rows[idx]].copy()
        candidates[np.arange(len(idx)), cols[idx]] = value_at(k, idx)
        return model.predict_proba(candidates) < cuts[rows[idx]]

    feasible = hi > 0
    idx = np.flatnonzero(feasible)
    if len(idx):
        feasible[idx] = succeeds(hi[idx], idx)
    lo = np.zeros_like(hi)
    active = np.flatnonzero(feasible & (hi - lo > 1))
    while len(active):
        mid = (lo[active] + hi[active]) // 2
        ok = succeeds(mid, active)
        hi[active[ok]], lo[active[~ok]] = mid[ok], mid[~ok]
        active = active[hi[active] - lo[active] > 1]
    search_state = (rows, cols, starts, hi, feasible, value_at)
    return _choose(model, X, recommendations, todo, search_state, policy, lang, results)


def _choose(model, X, recommendations, todo, search_state, policy, lang, results):
    rows, cols, starts, hi, feasible, value_at = search_state
    best: dict[int, tuple[float, int]] = {}
    if len(rows):
        targets = value_at(hi, np.arange(len(rows)))
        for p in np.flatnonzero(feasible):
            relative = abs(targets[p] - starts[p]) / max(abs(starts[p]), FEATURES[cols[p]].step)
            if rows[p] not in best or relative < best[rows[p]][0]:
                best[rows[p]] = (relative, p)
    chosen = sorted(best.items())
    if chosen:
        candidates = X[[i for i, _ in chosen]].copy()
        picks = np.array([p for _, (_, p) in chosen])
        candidates[np.arange(len(picks)), cols[picks]] = targets[picks]
        rescored = model.predict_proba(candidates)  # the reported change is checked by scoring
        for (i, (_, p)), probability in zip(chosen, rescored, strict=True):
            feature = FEATURES[cols[p]]
            to = round(float(targets[p])) if feature.kind is int else float(targets[p])
            reached = policy.recommend(float(probability))
            if rank(reached) >= rank(recommendations[i]):
                continue  # not an improvement once re-scored: never report it
            results[i] = {
                "feature": feature.name,
                "from": X[i, cols[p]].item() if feature.kind is float else int(X[i, cols[p]]),
                "to": to,
                "recommendation": reached,
                "text": i18n.counterfactual_text(feature.name, to, reached, lang),
            }
    for i in todo:
        if results[i] is None:
            results[i] = {"feature": None, "message": i18n.no_counterfactual_text("none", lang)}
    message = i18n.no_counterfactual_text("favourable", lang)
    return [r if r is not None else {"feature": None, "message": message} for r in results]
