"""``python -m modelling {train,list,promote,ensure,sign}``.

Exit codes: 0 success, 2 unusable data or bad arguments, 1 registry refusal, 3 no champion
(no candidate beats the prior baseline by the required CV AUC; nothing registered).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from modelling.data import MAX_EXCLUDED_SHARE, DataError
from modelling.evaluation import MIN_AUC_GAIN_OVER_BASELINE, NoChampion
from modelling.policy import DEFAULT_REVIEW_COST, DEFAULT_REVIEW_MARGIN
from modelling.registry import Registry, RegistryError, default_path
from modelling.report import comparison_rows, header, without_age_sentence
from modelling.signing import MANIFEST, signing_key

# Accepted before or after the sub-command; SUPPRESS keeps a value given before it.
_REGISTRY_SUB = {"type": Path, "default": argparse.SUPPRESS, "help": "registry folder"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m modelling", description=__doc__)
    parser.add_argument(
        "--registry",
        type=Path,
        default=None,
        help="registry folder (default: $MODEL_REGISTRY_DIR or models/registry)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("train", "ensure"):
        sub = commands.add_parser(
            name,
            help="train and register"
            if name == "train"
            else "train and register (and activate) unless the active version verifies",
        )
        _training_options(sub)
    commands.add_parser("list", help="list versions").add_argument("--registry", **_REGISTRY_SUB)
    promote = commands.add_parser("promote", help="verify a version and make it active")
    promote.add_argument("version")
    promote.add_argument("--registry", **_REGISTRY_SUB)
    sign = commands.add_parser(
        "sign", help="sign a version you have checked with MODEL_SIGNING_KEY (its manifest)"
    )
    sign.add_argument("version")
    sign.add_argument("--registry", **_REGISTRY_SUB)
    return parser


def _training_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--registry", **_REGISTRY_SUB)
    sub.add_argument("--data", type=Path, help="CSV with the five features and a 0/1 target")
    sub.add_argument("--target", default="default", help="target column (1 = defaulted)")
    sub.add_argument("--quick", action="store_true", help="reduced search (tests, first start)")
    sub.add_argument("--seed", type=int, default=42)
    sub.add_argument("--cost-fn", type=float, default=10.0, help="cost of a missed default")
    sub.add_argument("--cost-fp", type=float, default=1.0, help="cost of refusing a good client")
    sub.add_argument(
        "--margin", type=float, default=0.005, help="AUC margin within which the simpler model wins"
    )
    sub.add_argument(
        "--min-auc-gain",
        type=float,
        default=MIN_AUC_GAIN_OVER_BASELINE,
        help="CV AUC the champion must gain over the prior baseline, or nothing is registered",
    )
    sub.add_argument(
        "--review-margin",
        type=float,
        default=DEFAULT_REVIEW_MARGIN,
        help="relative half-width of the review band the reports evaluate (REVIEW_MARGIN)",
    )
    sub.add_argument(
        "--cost-review",
        type=float,
        default=DEFAULT_REVIEW_COST,
        help="cost of one adviser review, in the unit of --cost-fp",
    )
    sub.add_argument(
        "--max-excluded",
        type=float,
        default=MAX_EXCLUDED_SHARE,
        help="refuse a file with a larger share of its rows excluded by the rules",
    )
    sub.add_argument("--rows", type=int, default=50_000, help="synthetic portfolio size")
    sub.add_argument("--candidates", help="comma-separated subset (baseline always included)")
    sub.add_argument(
        "--activate",
        action="store_true",
        help="make the new version active (always done for an empty registry)",
    )


def _train(args, registry: Registry) -> int:
    from modelling.train import TrainConfig, run

    config = TrainConfig(
        data=args.data,
        target=args.target,
        registry=registry.path,
        quick=args.quick,
        seed=args.seed,
        cost_fn=args.cost_fn,
        cost_fp=args.cost_fp,
        margin=args.margin,
        min_auc_gain=args.min_auc_gain,
        review_margin=args.review_margin,
        cost_review=args.cost_review,
        max_excluded=args.max_excluded,
        rows=args.rows,
        activate=args.activate,
        candidates=args.candidates.split(",") if args.candidates else None,
    )
    meta = run(config)
    _print_table(header(), comparison_rows(meta))
    print(meta["choice"]["sentence"])
    print("Without age:", without_age_sentence(meta))
    if meta.get("true_pd"):
        t = meta["true_pd"]
        print(
            f"True PD hold-out AUC {t['holdout_auc']:.4f}; champion ratio {t['champion_ratio']:.3f}"
        )
    excluded = meta["data"]["excluded_by_rule"]
    print(
        f"Rows used {meta['data']['rows_used']}, excluded {meta['data']['rows_excluded']}"
        + "".join(f"\n  {rule}: {n}" for rule, n in excluded.items())
    )
    print(
        f"Registered {meta['version']} in {registry.path}"
        f"{' (active)' if registry.active_version() == meta['version'] else ''}"
    )
    return 0


def _print_table(head: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    for row in (head, *rows):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def _list(registry: Registry) -> int:
    rows = [
        [
            ("* " if v["active"] else "  ") + v["version"],
            v["algorithm"] or "",
            f"{v['metrics'].get('auc', float('nan')):.4f}",
            v["created_at"] or "",
        ]
        for v in registry.versions()
    ]
    if not rows:
        print(f"no versions in {registry.path}")
        return 0
    _print_table(["  version", "algorithm", "hold-out AUC", "created at"], rows)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    registry = Registry(args.registry or default_path())
    try:
        if args.command != "list":
            signing_key()  # a production build without its key stops here, not after training
        if args.command == "list":
            return _list(registry)
        if args.command == "promote":
            registry.promote(args.version)
            print(f"{args.version} is now active")
            return 0
        if args.command == "sign":
            registry.sign(args.version)
            print(f"{args.version} signed: {registry.path / args.version / MANIFEST}")
            return 0
        if args.command == "ensure":
            active = registry.active_version()
            try:
                registry.verify(active or "")
            except RegistryError as exc:
                print(f"no verified active version ({exc}): training one", file=sys.stderr)
                args.activate = True
            else:
                print(f"active version {active} verified, nothing to do")
                return 0
        return _train(args, registry)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except NoChampion as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except (RegistryError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
