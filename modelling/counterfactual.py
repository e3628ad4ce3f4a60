"""Counterfactuals: the smallest realistic change of one actionable feature that improves the
served advice, found by scoring, never guessed.

The model is monotone in every actionable feature, so along the risk-lowering direction the
advice can only improve: a search over the lattice of `step` changes finds the first value that
crosses the cut. All (client, feature) pairs are searched together, one vectorised screening
call per round (a bisection for a batch, seven probes per pair for a client scored alone), and
the chosen candidates are re-scored with the served probability before they are returned: a
change is only ever returned if the served score confirms it. The words are the service's
(app/services/counterfactual.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from modelling.features import FEATURES, INCREASES_RISK
from modelling.policy import FAVOURABLE, UNFAVOURABLE, Policy, rank

ACTIONABLE = [(j, f) for j, f in enumerate(FEATURES) if f.actionable and f.monotone]
# Realistic reach: income at most doubled (or +20,000 € for low incomes); others: their range.
INCOME_FACTOR, INCOME_MIN_RAISE = 2.0, 20_000.0
# Up to this many (client, feature) pairs the search probes WIDE_ARITY - 1 points per round.
WIDE_SEARCH_PAIRS, WIDE_ARITY = 8, 8


@dataclass(frozen=True)
class Change:
    """One client's counterfactual: `feature` from `before` to `after` reaches `recommendation`
    (re-scored with the served probability)."""

    feature: str
    before: int | float
    after: int | float
    recommendation: str


@dataclass(frozen=True)
class Candidates:
    """Every (client, actionable feature) pair to search, one entry per pair.

    A pair moves ``feature`` of row ``row`` from ``start`` by ``sign * k * step`` (k = 0, 1, ...,
    ``reach``), clipped at ``bound``: the lattice of realistic values in the risk-lowering
    direction.
    """

    row: np.ndarray
    column: np.ndarray
    start: np.ndarray
    sign: np.ndarray
    step: np.ndarray
    bound: np.ndarray
    reach: np.ndarray  # number of steps to the bound

    def value_at(self, k: np.ndarray, pairs: np.ndarray) -> np.ndarray:
        """The feature value after ``k`` steps, for each pair of ``pairs``."""
        moved = self.start[pairs] + self.sign[pairs] * k * self.step[pairs]
        return np.where(
            self.sign[pairs] > 0,
            np.minimum(moved, self.bound[pairs]),
            np.maximum(moved, self.bound[pairs]),
        )


@dataclass(frozen=True)
class Crossing:
    """Per pair: whether any value within reach improves the advice, and the first step that
    does (meaningful only where ``feasible``)."""

    feasible: np.ndarray
    first_step: np.ndarray


def _bound(feature, current: np.ndarray) -> np.ndarray:
    if feature.monotone == INCREASES_RISK:
        return np.full_like(current, feature.minimum)
    if feature.name == "income":
        reach = np.maximum(current * INCOME_FACTOR, current + INCOME_MIN_RAISE)
        return np.minimum(reach, feature.maximum)
    return np.full_like(current, feature.maximum)


def candidates(X: np.ndarray, rows: list[int]) -> Candidates:
    """The pairs of the given rows with every actionable feature, feature by feature."""
    parts: dict[str, list] = {k: [] for k in ("row", "column", "start", "sign", "step", "bound")}
    reach: list = []
    for j, feature in ACTIONABLE if rows else ():
        current = X[rows, j]
        bound = _bound(feature, current)
        parts["row"].extend(rows)
        parts["column"].extend([j] * len(rows))
        parts["start"].extend(current)
        parts["sign"].extend([-1.0 if feature.monotone == INCREASES_RISK else 1.0] * len(rows))
        parts["step"].extend([feature.step] * len(rows))
        parts["bound"].extend(bound)
        reach.extend(np.ceil(np.abs(bound - current) / feature.step).astype(int))
    return Candidates(
        row=np.array(parts["row"], int),
        column=np.array(parts["column"], int),
        start=np.array(parts["start"]),
        sign=np.array(parts["sign"]),
        step=np.array(parts["step"]),
        bound=np.array(parts["bound"]),
        reach=np.array(reach, int),
    )


def first_crossing(
    succeeds: Callable[[np.ndarray, np.ndarray], np.ndarray], reach: np.ndarray
) -> Crossing:
    """The first step at which ``succeeds(k, pairs)`` holds, for each pair, by monotone search.

    Success is monotone in the step (the model is monotone in the feature), so a pair is
    feasible iff it succeeds at its reach, and bisecting (lo, hi] finds the first success.
    A few pairs (one client scored alone) probe 7 points per round: each round is one model
    call, and for a handful of rows the call's fixed cost is what counts. A batch bisects (one
    probe per pair per round), which scores far fewer rows.
    """
    hi = reach.copy()
    feasible = hi > 0
    pairs = np.flatnonzero(feasible)
    if len(pairs):
        feasible[pairs] = succeeds(hi[pairs], pairs)
    lo = np.zeros_like(hi)
    active = np.flatnonzero(feasible & (hi > 1))
    if len(active) == 0:
        return Crossing(feasible=feasible, first_step=hi)
    arity = WIDE_ARITY if len(active) <= WIDE_SEARCH_PAIRS else 2
    fractions = np.arange(1, arity) / arity
    while len(active):
        width = hi[active] - lo[active]
        offsets = np.maximum(1, np.floor(width[:, None] * fractions).astype(int))
        probes = np.minimum(lo[active, None] + offsets, hi[active, None] - 1)  # inside (lo, hi)
        ok = succeeds(probes.ravel(), np.repeat(active, arity - 1)).reshape(probes.shape)
        first = np.where(ok.any(axis=1), ok.argmax(axis=1), arity - 1)  # first success, or none
        rows = np.arange(len(active))
        found = first < arity - 1
        hi[active[found]] = probes[rows[found], first[found]]
        below = first > 0
        lo[active[below]] = probes[rows[below], first[below] - 1]
        active = active[hi[active] - lo[active] > 1]
    return Crossing(feasible=feasible, first_step=hi)


def smallest_changes(pairs: Candidates, crossing: Crossing) -> dict[int, int]:
    """Per row, the feasible pair with the smallest relative change (first feature on ties)."""
    targets = pairs.value_at(crossing.first_step, np.arange(len(pairs.row)))
    best: dict[int, tuple[float, int]] = {}
    for p in np.flatnonzero(crossing.feasible):
        start = pairs.start[p]
        relative = abs(targets[p] - start) / max(abs(start), pairs.step[p])
        row = int(pairs.row[p])
        if row not in best or relative < best[row][0]:
            best[row] = (relative, int(p))
    return {row: p for row, (_, p) in sorted(best.items())}


def search(model, X: np.ndarray, recommendations: list[str], policy: Policy) -> list:
    """One Change (or None: favourable already, or nothing within reach improves the advice)
    per row of X (features in FEATURE_NAMES order); `model` is a modelling.explain.ServedModel.
    """
    todo = [i for i, r in enumerate(recommendations) if r != FAVOURABLE]
    if not todo:  # every client is already favourable: nothing to search
        return [None] * len(X)
    cuts = np.array(
        [
            policy.unfavourable_from if r == UNFAVOURABLE else policy.favourable_below
            for r in recommendations
        ]
    )
    pairs = candidates(X, todo)

    def succeeds(k: np.ndarray, which: np.ndarray) -> np.ndarray:
        moved = X[pairs.row[which]].copy()
        moved[np.arange(len(which)), pairs.column[which]] = pairs.value_at(k, which)
        return model.screening_proba(moved) < cuts[pairs.row[which]]

    crossing = first_crossing(succeeds, pairs.reach)
    chosen = smallest_changes(pairs, crossing)
    return rescore(model, X, recommendations, pairs, crossing, chosen, policy)


def rescore(model, X, recommendations, pairs, crossing, chosen: dict[int, int], policy) -> list:
    """Score each chosen change with the served probability; keep it only if it improves."""
    found: list[Change | None] = [None] * len(X)
    if not chosen:
        return found
    picks = np.array(list(chosen.values()))
    targets = pairs.value_at(crossing.first_step[picks], picks)
    moved = X[list(chosen)].copy()
    moved[np.arange(len(picks)), pairs.column[picks]] = targets
    for (i, p), target, probability in zip(
        chosen.items(), targets, model.predict_proba(moved), strict=True
    ):
        reached = policy.recommend(float(probability))
        if rank(reached) >= rank(recommendations[i]):
            continue  # not an improvement once re-scored: never return it
        feature = FEATURES[pairs.column[p]]
        is_int = feature.kind is int
        found[i] = Change(
            feature=feature.name,
            before=int(X[i, pairs.column[p]]) if is_int else X[i, pairs.column[p]].item(),
            after=round(float(target)) if is_int else float(target),
            recommendation=reached,
        )
    return found
