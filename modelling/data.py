"""Training data: the synthetic portfolio or a client CSV, validated against the feature schema.

Rows breaking a rule of modelling/features.py are excluded and counted under the first rule they
break. An empty cell follows its feature's MISSING_RULE (docs/data.md): a missing incident count
or credit score excludes the row (read as zero incidents, or as any score, it would look like the
lowest risk, or an average one, to the model), an empty age, income or seniority is kept as
missing and imputed inside each pipeline. A file that cannot be used at all (a feature column
with no value, more than MAX_EXCLUDED_SHARE of the rows excluded, too few rows) raises DataError
with one sentence for the user. An optional ``customer_ref`` column groups the rows of one
customer, so that every split keeps them on one side (modelling/evaluation.py).
"""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from modelling.features import BY_NAME, FEATURE_NAMES, MIN_WORKING_AGE, parse_text

MIN_ROWS = 100
MIN_PER_CLASS = 10  # a stratified 20 % hold-out plus 5-fold CV needs a few of each class
MAX_EXCLUDED_SHARE = 0.2  # a file with more rows excluded than this is refused (--max-excluded)
GROUP_COLUMN = "customer_ref"
EXCLUDE, IMPUTE = "exclude the row", "keep as missing, imputed in the pipeline"
# What an empty cell means, per feature (docs/data.md explains each choice).
MISSING_RULE = {
    "age": IMPUTE,
    "income": IMPUTE,
    "seniority": IMPUTE,
    "incidents": EXCLUDE,
    "credit_score": EXCLUDE,
}


class DataError(Exception):
    """The training data cannot be used; the message is meant for the user."""


@dataclass
class Dataset:
    X: pd.DataFrame  # FEATURE_NAMES columns, float, NaN where the cell was empty
    y: np.ndarray  # 0/1
    source: str
    fingerprint: str  # sha256 of the training data (file bytes, or canonical CSV if synthetic)
    rows_read: int
    excluded: dict[str, int] = field(default_factory=dict)
    true_pd: np.ndarray | None = None
    groups: np.ndarray | None = None  # customer_ref of each row, when the file has one

    @property
    def rows_used(self) -> int:
        return len(self.y)


def synthetic(n: int, seed: int) -> Dataset:
    """The seeded synthetic portfolio, with its true probability of default."""
    from modelling.synthetic import generate

    frame = generate(n, seed)
    canonical = frame[[*FEATURE_NAMES, "default"]].to_csv(index=False).encode()
    X = frame[list(FEATURE_NAMES)].astype(float).reset_index(drop=True)
    return Dataset(
        X=X,
        y=frame["default"].to_numpy(int),
        source=f"synthetic portfolio (generate({n}, seed={seed}))",
        fingerprint=hashlib.sha256(canonical).hexdigest(),
        rows_read=n,
        true_pd=frame["true_pd"].to_numpy(float),
    )


def load_csv(
    path: str | Path, target: str = "default", max_excluded: float = MAX_EXCLUDED_SHARE
) -> Dataset:
    """Read, validate and clean a CSV; raise DataError if it cannot be used at all."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from None
    frame = _parse(raw, path)
    missing = [c for c in (*FEATURE_NAMES, target) if c not in frame.columns]
    if missing:
        raise DataError(f"{path.name}: missing column(s): {', '.join(missing)}")
    empty = [c for c in FEATURE_NAMES if not frame[c].str.strip().astype(bool).any()]
    if empty:
        raise DataError(
            f"{path.name}: column(s) {', '.join(empty)} have no value in any row: the model "
            "cannot learn from a feature it never sees"
        )
    X, y, rules = _validate(frame, target)
    keep = rules.isna().to_numpy()
    groups = _groups(frame)
    dataset = Dataset(
        X=X[keep].reset_index(drop=True),
        y=y[keep].astype(int),
        source=str(path),
        fingerprint=hashlib.sha256(raw).hexdigest(),
        rows_read=len(frame),
        excluded=dict(sorted(Counter(rules.dropna()).items())),
        groups=None if groups is None else groups[keep],
    )
    _check_excluded(dataset, path.name, max_excluded)
    _check_usable(dataset, path.name, target)
    return dataset


def _groups(frame: pd.DataFrame) -> np.ndarray | None:
    """Each row's customer; a row without a reference is a customer of its own."""
    if GROUP_COLUMN not in frame.columns:
        return None
    refs = frame[GROUP_COLUMN].astype(str).str.strip()
    alone = "\x00row-" + pd.Series(frame.index.astype(str), index=frame.index)
    return refs.where(refs != "", alone).to_numpy(dtype=object)


def _check_excluded(dataset: Dataset, name: str, max_excluded: float) -> None:
    excluded = dataset.rows_read - dataset.rows_used
    if dataset.rows_read and excluded / dataset.rows_read > max_excluded:
        worst = sorted(dataset.excluded.items(), key=lambda item: -item[1])[:3]
        raise DataError(
            f"{name}: {excluded} of {dataset.rows_read} rows excluded "
            f"({excluded / dataset.rows_read:.1%}, more than the {max_excluded:.1%} allowed, "
            f"--max-excluded); most frequent: "
            + "; ".join(f"{rule} ({count})" for rule, count in worst)
        )


def _parse(raw: bytes, path: Path) -> pd.DataFrame:
    try:
        text = raw.decode("utf-8-sig")
        header = text.split("\n", 1)[0]
        sep = ";" if header.count(";") > header.count(",") else ","
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=sep)
    except (
        UnicodeDecodeError,
        pd.errors.ParserError,
        pd.errors.EmptyDataError,
        ValueError,
        TypeError,
    ):
        raise DataError(f"{path.name} is not a readable CSV file") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def _validate(frame: pd.DataFrame, target: str) -> tuple[pd.DataFrame, np.ndarray, pd.Series]:
    """Typed features, target and the first rule each row breaks (NaN when the row is fine)."""
    rules = pd.Series(np.nan, index=frame.index, dtype=object)
    columns = {}
    for name in FEATURE_NAMES:
        values, broken = _parse_column(name, frame[name])
        columns[name] = values
        rules = rules.fillna(broken)
    X = pd.DataFrame(columns, index=frame.index)  # an empty row breaks "incidents is required"
    inconsistent = X["seniority"] > X["age"] - MIN_WORKING_AGE
    rules = rules.fillna(
        pd.Series(
            np.where(inconsistent, f"seniority must be at most age - {MIN_WORKING_AGE}", None),
            index=frame.index,
        )
    )
    text = frame[target].astype(str).str.strip()
    y = pd.to_numeric(text, errors="coerce")
    bad_target = np.where(
        text == "",
        f"{target} is required",
        np.where(y.isin([0, 1]), None, f"{target} must be 0 or 1"),
    )
    rules = rules.fillna(pd.Series(bad_target, index=frame.index))
    return X, y.fillna(-1).to_numpy(), rules


def _parse_column(name: str, cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse each distinct cell once (values repeat a lot); empty cells become NaN, not errors."""
    feature = BY_NAME[name]
    parsed = {}
    missing = (np.nan, f"{name} is required" if MISSING_RULE[name] == EXCLUDE else None)
    for text in cells.unique():
        if not str(text).strip():
            parsed[text] = missing
            continue
        value, rule = parse_text(feature, str(text))
        parsed[text] = (np.nan, f"{name} {rule}") if rule else (float(value), None)
    values = cells.map(lambda t: parsed[t][0]).astype(float)
    broken = cells.map(lambda t: parsed[t][1])
    return values, broken


def _check_usable(dataset: Dataset, name: str, target: str) -> None:
    positives = int(dataset.y.sum())
    if dataset.rows_used < MIN_ROWS:
        raise DataError(
            f"{name}: only {dataset.rows_used} usable rows (at least {MIN_ROWS} needed; "
            f"{dataset.rows_read - dataset.rows_used} excluded)"
        )
    if positives == 0:
        raise DataError(f"{name}: no positive class (no usable row with {target} = 1)")
    if min(positives, dataset.rows_used - positives) < MIN_PER_CLASS:
        raise DataError(
            f"{name}: at least {MIN_PER_CLASS} rows of each class are needed "
            f"({positives} with {target} = 1, {dataset.rows_used - positives} with 0)"
        )
