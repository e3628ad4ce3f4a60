"""Test data helpers shared by the modelling tests (imported by name, unique module)."""

from __future__ import annotations

import numpy as np

from modelling.features import FEATURE_NAMES
from modelling.synthetic import generate


def messy_frame(n: int = 3000, seed: int = 11):
    """Synthetic clients with empty cells and rows breaking known rules (as text)."""
    frame = generate(n, seed)[[*FEATURE_NAMES, "default"]].astype(object)
    rng = np.random.default_rng(seed)
    for column in ("income", "seniority", "credit_score"):
        frame.loc[rng.choice(n, 40, replace=False), column] = ""
    frame.loc[0:4, "age"] = 16  # 5 x age out of range
    frame.loc[5:7, "income"] = -100  # 3 x negative income
    frame.loc[8:9, "incidents"] = "many"  # 2 x text in a number column
    frame.loc[10:13, "default"] = 2  # 4 x target not 0/1
    frame.loc[14:15, ["age", "seniority"]] = [20, 10]  # 2 x seniority > age - 14
    return frame


EXPECTED_EXCLUSIONS = {
    "age must be between 18 and 100": 5,
    "income must be between 0 and 10000000": 3,
    "incidents must be an integer": 2,
    "default must be 0 or 1": 4,
    "seniority must be at most age - 14": 2,
    "credit_score is required": 40,  # a missing score excludes the row (data.MISSING_RULE)
}
