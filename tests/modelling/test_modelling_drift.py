"""The drift reference stored at training and the PSI, checked against hand-computed cases."""

from __future__ import annotations

import math

import numpy as np
import pytest

from modelling.drift import EPSILON, bin_index, psi, reference_distribution, shares
from modelling.features import FEATURE_NAMES


def test_psi_of_a_hand_checkable_case():
    # Two bins, half and half at training, 70 % / 30 % now. By the definition
    # PSI = sum (recent - reference) * ln(recent / reference):
    expected = (0.7 - 0.5) * math.log(0.7 / 0.5) + (0.3 - 0.5) * math.log(0.3 / 0.5)
    assert expected == pytest.approx(0.16946, abs=1e-5)  # 0.2 * (ln 1.4 - ln 0.6), by hand
    assert psi([0.5, 0.5], [0.7, 0.3]) == pytest.approx(expected, rel=1e-12)


def test_psi_is_zero_for_the_same_shares_and_symmetric_in_sign_of_change():
    assert psi([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]) == 0
    assert psi([0.5, 0.5], [0.7, 0.3]) == pytest.approx(psi([0.7, 0.3], [0.5, 0.5]))


def test_an_empty_recent_bin_counts_as_epsilon_not_infinity():
    value = psi([0.5, 0.5], [1.0, 0.0])
    expected = (1.0 - 0.5) * math.log(1.0 / 0.5) + (EPSILON - 0.5) * math.log(EPSILON / 0.5)
    assert math.isfinite(value) and value == pytest.approx(expected)


def test_psi_refuses_different_bins():
    with pytest.raises(ValueError, match="same bins"):
        psi([0.5, 0.5], [1.0])


def test_bins_are_closed_on_the_right():
    assert bin_index([1, 2], [0, 1, 1.5, 2, 3]).tolist() == [0, 0, 1, 1, 2]


def test_deciles_of_a_continuous_sample_are_values_of_the_sample():
    reference = reference_distribution(np.arange(1, 1001))
    assert reference["edges"] == [100.0 * k for k in range(1, 10)]
    assert reference["shares"] == pytest.approx([0.1] * 10)


def test_tied_deciles_of_a_count_are_merged():
    # 60 % no incident, 30 % one, 10 % two: the deciles are 0 (x6) and 1 (x3).
    reference = reference_distribution([0] * 60 + [1] * 30 + [2] * 10)
    assert reference["edges"] == [0.0, 1.0]
    assert reference["shares"] == pytest.approx([0.6, 0.3, 0.1])


def test_a_bin_the_sample_leaves_empty_is_merged_away():
    # The top deciles equal the maximum: the bin above it would be empty at training.
    reference = reference_distribution([0] * 50 + [5] * 50)
    assert reference["edges"] == [0.0]
    assert reference["shares"] == pytest.approx([0.5, 0.5])
    assert reference_distribution([3, 3, 3]) == {"edges": [], "shares": [1.0]}


def test_missing_values_are_left_out_and_an_empty_sample_refused():
    assert reference_distribution([1, 2, np.nan] * 10)["shares"] == pytest.approx([0.5, 0.5])
    with pytest.raises(ValueError, match="finite"):
        reference_distribution([np.nan])


def test_shares_of_counts():
    assert shares([1, 3]) == [0.25, 0.75]
    assert shares([0, 0]) == [0.0, 0.0]


def test_training_stores_a_reference_for_every_feature_and_the_probability(served_catboost):
    reference = served_catboost.metadata["drift_reference"]
    assert list(reference["features"]) == list(FEATURE_NAMES)
    for distribution in [*reference["features"].values(), reference["probability"]]:
        assert len(distribution["shares"]) == len(distribution["edges"]) + 1
        assert all(share > 0 for share in distribution["shares"])
        assert sum(distribution["shares"]) == pytest.approx(1.0)
        assert distribution["edges"] == sorted(set(distribution["edges"]))
    assert reference["rows"] == served_catboost.metadata["data"]["rows_development"]
    # Incident counts are whole numbers: so are their edges.
    assert all(float(e).is_integer() for e in reference["features"]["incidents"]["edges"])
