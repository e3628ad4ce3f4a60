"""Fairness table rules and CSV validation rules on small hand-made inputs."""

from __future__ import annotations

import numpy as np
import pytest

from modelling.data import DataError, load_csv
from modelling.fairness import age_band, fairness_table
from modelling.policy import Policy


def test_age_bands_edges():
    bands = age_band(np.array([18, 25, 26, 35, 36, 50, 51, 65, 66, 99, np.nan]))
    assert list(bands) == [
        "18-25",
        "18-25",
        "26-35",
        "26-35",
        "36-50",
        "36-50",
        "51-65",
        "51-65",
        "66+",
        "66+",
        "missing",
    ]


def test_fairness_table_rates_flags_and_suppression():
    # Served policy: threshold 0.5, margin 0.2 -> favourable below 0.3995, unfavourable from 0.5995
    # 40 clients aged 30: half unfavourable; 40 aged 40: a quarter; 10 aged 70: suppressed
    age = np.array([30] * 40 + [40] * 40 + [70] * 10)
    y = np.array([1, 0] * 20 + [1, 0, 0, 0] * 10 + [0] * 10)
    p = np.array([0.9, 0.8] * 10 + [0.1, 0.05] * 10 + [0.9, 0.1, 0.1, 0.1] * 10 + [0.9] * 10)
    rows = {r["band"]: r for r in fairness_table(age, y, p, Policy(0.5, 0.2), n_boot=50)}
    assert rows["66+"] == {"band": "66+", "suppressed": True}
    young, middle = rows["26-35"], rows["36-50"]
    assert young["count"] == 40 and young["favourable_rate"] == pytest.approx(0.5)
    assert middle["favourable_rate"] == pytest.approx(0.75)
    assert young["ratio_to_best"] == pytest.approx(0.5 / 0.75) and young["flagged"]
    assert middle["ratio_to_best"] == 1 and not middle["flagged"]
    assert young["tpr_unfavourable"] == pytest.approx(0.5)
    assert young["fpr_unfavourable"] == pytest.approx(0.5)
    assert middle["tpr_unfavourable"] == pytest.approx(1.0)
    assert middle["fpr_unfavourable"] == pytest.approx(0.0)
    assert middle["auc"] == pytest.approx(1.0)


def _csv(tmp_path, lines, sep=","):
    path = tmp_path / "data.csv"
    header = sep.join(["age", "income", "seniority", "incidents", "credit_score", "default"])
    good = [sep.join(["40", "30000", "5", "0", "700", str(i % 2)]) for i in range(120)]
    path.write_text("\n".join([header, *good, *lines]) + "\n")
    return path


def test_rules_are_counted_once_per_row(tmp_path):
    data = load_csv(
        _csv(
            tmp_path,
            [
                "17,-5,abc,0,700,1",  # first broken rule: age
                "40,,5,0.5,700,0",  # incidents not an integer (empty income is fine)
                "40,30000,30,0,700,1",  # seniority > age - 14
                "40,30000,5,0,900,0",  # score out of range
                "40,30000,5,0,700,",  # target empty
                "40,30000,5,0,700,yes",  # target not 0/1
                "40,30000,5,,700,1",  # a missing incident count excludes the row
                "40,30000,5,0,,0",  # so does a missing credit score
                "40,,,0,700,1",  # kept: missing income and seniority are imputed
            ],
        )
    )
    assert data.excluded == {
        "age must be between 18 and 100": 1,
        "incidents must be an integer": 1,
        "seniority must be at most age - 14": 1,
        "credit_score must be between 300 and 850": 1,
        "default is required": 1,
        "default must be 0 or 1": 1,
        "incidents is required": 1,
        "credit_score is required": 1,
    }
    assert data.rows_used == 121 and data.rows_read == 129
    assert np.isnan(data.X.iloc[-1]["income"])


def test_semicolon_and_decimal_comma(tmp_path):
    data = load_csv(_csv(tmp_path, ['40;"30000,5";5;0;700;1'], sep=";"))
    assert data.rows_used == 121 and data.X["income"].iloc[-1] == pytest.approx(30000.5)


def test_too_few_of_a_class(tmp_path):
    path = tmp_path / "few.csv"
    path.write_text(
        "age,income,seniority,incidents,credit_score,default\n"
        + "".join(f"40,30000,5,0,700,{int(i < 3)}\n" for i in range(150))
    )
    with pytest.raises(DataError, match="at least 10 rows of each class"):
        load_csv(path)
