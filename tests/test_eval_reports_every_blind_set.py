"""`scrutiny eval` scores every later blind set committed under tests/eval/ (it listed sets 5 to 11 by hand, so
sets 12 and 13 were left out of the report)."""

from __future__ import annotations

from pathlib import Path

from bot.evaluation.blind_understanding import blind_set_numbers, load_blind

EVAL = Path(__file__).parent / "eval"


def test_every_blind_set_with_both_halves_is_reported() -> None:
    committed = sorted(int(d.name.removeprefix("understanding_blind")) for d in EVAL.glob("understanding_blind?*")
                       if (d / "holdout.yaml").is_file() and (d / "dev.yaml").is_file())
    assert blind_set_numbers() == committed
    assert {12, 13} <= set(committed)
    for n in committed:
        assert load_blind(f"blind{n}-dev") and load_blind(f"blind{n}-holdout")
