"""The served TreeSHAP (modelling/treeshap.py) checked against the `shap` library and against
CatBoost's own SHAP values, on the champion of a quick training (issue 12 §6).

`shap.TreeExplainer(catboost_model)` hands the work to CatBoost's own ShapValues, so to check
our algorithm against shap's own path-dependent TreeSHAP (Lundberg et al. 2018, Algorithm 2)
the champion's oblivious trees are given to shap as plain binary trees: the same splits, leaf
values and training covers, missing values sent the way CatBoost sends them. A leaf no training
row reached has cover 0, which shap refuses; it gets 1e-9, which moves no figure by more than
about 1e-9 of a leaf value.
"""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest
from catboost import CatBoostClassifier, Pool

from modelling.features import FEATURE_NAMES
from modelling.synthetic import generate
from modelling.treeshap import from_json

with warnings.catch_warnings():  # shap 0.51's colour maps use a matplotlib call due to go
    warnings.filterwarnings("ignore", "The set_.* function", PendingDeprecationWarning)
    import shap

EMPTY_LEAF_COVER = 1e-9


@pytest.fixture(scope="module")
def champion(catboost_registry, served_catboost):
    """The registered champion as CatBoost loads it, and its JSON export."""
    folder = catboost_registry.path / served_catboost.version
    model = CatBoostClassifier().load_model(
        str(folder / served_catboost.metadata["artefact"]["file"])
    )
    path = folder.parent / f"{served_catboost.version}.json"
    model.save_model(str(path), format="json")
    return model, json.loads(path.read_text())


@pytest.fixture(scope="module")
def rows() -> np.ndarray:
    """200 clients with some missing income and credit score, at CatBoost's float32 precision."""
    X = generate(200, seed=23)[list(FEATURE_NAMES)].to_numpy(float)
    X[::9, FEATURE_NAMES.index("income")] = np.nan
    X[::13, FEATURE_NAMES.index("credit_score")] = np.nan
    return X.astype(np.float32).astype(float)


def shap_tree(tree: dict, nan_as_true: list[bool]) -> dict:
    """One oblivious tree as shap's binary-tree dict; the root splits on the last split."""
    splits = tree["splits"]
    values = np.asarray(tree["leaf_values"], float)
    covers = np.where(np.asarray(tree["leaf_weights"], float) > 0, tree["leaf_weights"], 0.0)
    covers = np.where(covers > 0, covers, EMPTY_LEAF_COVER)
    nodes: list[dict] = []

    def grow(level: int, leaf: int) -> int:
        index = len(nodes)
        nodes.append({})
        if level < 0:
            nodes[index] = {"left": -1, "right": -1, "default": -1, "feature": -2, "border": 0.0}
            nodes[index] |= {"value": values[leaf], "cover": covers[leaf]}
            return index
        feature, border = splits[level]["float_feature_index"], splits[level]["border"]
        below, above = grow(level - 1, leaf), grow(level - 1, leaf | (1 << level))
        cover = nodes[below]["cover"] + nodes[above]["cover"]
        value = (
            nodes[below]["value"] * nodes[below]["cover"]
            + nodes[above]["value"] * nodes[above]["cover"]
        ) / cover
        default = above if nan_as_true[feature] else below
        nodes[index] = {"left": below, "right": above, "default": default}
        nodes[index] |= {"feature": feature, "border": border, "value": value, "cover": cover}
        return index

    grow(len(splits) - 1, 0)
    return {
        "children_left": np.array([n["left"] for n in nodes]),
        "children_right": np.array([n["right"] for n in nodes]),
        "children_default": np.array([n["default"] for n in nodes]),
        "features": np.array([n["feature"] for n in nodes]),
        "thresholds": np.array([n["border"] for n in nodes], float),
        "values": np.array([[n["value"]] for n in nodes], float),
        "node_sample_weight": np.array([n["cover"] for n in nodes], float),
    }


def as_shap_model(spec: dict) -> dict:
    info = spec["features_info"]["float_features"]
    nan_as_true = [f.get("nan_value_treatment") == "AsTrue" for f in info]
    return {
        "trees": [shap_tree(tree, nan_as_true) for tree in spec["oblivious_trees"]],
        "base_offset": spec["scale_and_bias"][1][0],
        "tree_output": "raw_value",
        "objective": "squared_error",
        "input_dtype": np.float64,
        "internal_dtype": np.float64,
    }


def test_every_contribution_equals_shaps_path_dependent_treeshap(champion, served_catboost, rows):
    _, spec = champion
    explainer = shap.TreeExplainer(as_shap_model(spec), feature_perturbation="tree_path_dependent")
    expected = explainer.shap_values(rows)
    served = served_catboost.explain(rows)
    assert expected.shape == served.contributions.shape == (200, len(FEATURE_NAMES))
    np.testing.assert_allclose(served.contributions, expected, rtol=0, atol=1e-6)
    assert float(np.ravel(explainer.expected_value)[0]) == pytest.approx(
        served.base_value, abs=1e-6
    )


def test_the_champion_has_leaves_no_training_row_reached(champion):
    """Why CatBoost's own values differ from the exact ones on the champion (next test)."""
    _, spec = champion
    assert any(0 in tree["leaf_weights"] for tree in spec["oblivious_trees"])


def test_catboosts_own_shap_values_agree_to_float_precision(champion, rows, tmp_path):
    """CatBoost documents that its ShapValues of an object add up to its prediction; ours add up
    to the same raw score. Per feature, CatBoost's Regular ShapValues handle a leaf no training
    row reached otherwise than the path-dependent definition (measured on the champion: up to
    0.07 log-odds); with those leaves given a cover (predictions unchanged) they equal ours to
    float precision, alone or in a batch."""
    model, spec = champion
    raw = model.predict(rows, prediction_type="RawFormulaVal")
    native = model.get_feature_importance(Pool(rows), type="ShapValues")
    np.testing.assert_allclose(native.sum(axis=1), raw, rtol=0, atol=1e-9)
    ours = from_json(spec)
    np.testing.assert_allclose(ours.base + ours.contributions(rows).sum(axis=1), raw, atol=1e-9)

    covered = json.loads(json.dumps(spec))
    for tree in covered["oblivious_trees"]:
        tree["leaf_weights"] = [w if w > 0 else 1.0 for w in tree["leaf_weights"]]
    path = tmp_path / "covered.json"
    path.write_text(json.dumps(covered))
    twin = CatBoostClassifier().load_model(str(path), format="json")
    twin_raw = twin.predict(rows, prediction_type="RawFormulaVal")
    np.testing.assert_allclose(twin_raw, raw, rtol=0, atol=1e-12)
    forest = from_json(covered)
    batch = twin.get_feature_importance(Pool(rows), type="ShapValues")
    np.testing.assert_allclose(batch[:, :-1], forest.contributions(rows), rtol=0, atol=1e-9)
    np.testing.assert_allclose(batch[:, -1], forest.base, rtol=0, atol=1e-9)
    alone = np.vstack(
        [twin.get_feature_importance(Pool(rows[[i]]), type="ShapValues") for i in range(20)]
    )
    np.testing.assert_allclose(alone[:, :-1], forest.contributions(rows[:20]), rtol=0, atol=1e-9)
