"""The question bank is valid data covering every line of enquiry; near-duplicate questions are recognised."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from bot.challenge import (
    Deduper,
    LineKind,
    load_question_bank,
    load_topic_families,
    match_indicators,
)
from bot.errors import AssistantError
from indicators.formatting import format_value
from indicators.models import IndicatorInfo

# Every placeholder a line of enquiry can supply (bot/challenge/lines.py, documents.py); a template may use no other.
KNOWN = {"topic", "area", "indicator", "indicator_lower", "latest", "latest_period", "trend_noun", "start",
         "start_period", "run_words", "sharp_move", "target", "median", "rank", "n", "national_band",
         "best_neighbour", "best_value", "caveat", "action", "recommendation", "rec_number", "progress",
         "commitment", "source", "quote", "by_when", "cost_note",
         # issue 17: a figure to check, what a measure covers, the data's age, and the facts that gate a template
         # (resident-facing, a workforce measure, an output measure, top or middle of similar councils, improved)
         "check_reason", "scope", "age", "real_band", "who", "workforce", "own_workforce", "output_kind", "top",
         "middle", "improved"}


def test_bank_covers_every_kind_and_type_with_known_placeholders() -> None:
    bank = load_question_bank()
    kinds = set(typing.get_args(LineKind))
    assert kinds == {k for t in bank for k in t.applies_to}
    assert {t.type for t in bank} == {"open/probing", "comparative", "hypothetical", "reflective", "evidence"}
    for template in bank:
        assert template.fields <= KNOWN, (template.id, template.fields - KNOWN)
        # Fixed wording carries no numbers: every number in a question must come from the evidence.
        assert not any(ch.isdigit() for ch in template.template), template.id


def test_a_malformed_bank_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bank.yaml"
    bad.write_text("- id: x\n  theme: t\n  type: rhetorical\n  template: Why?\n  applies_to: [overview]\n")
    with pytest.raises(AssistantError, match="question bank"):
        load_question_bank(bad)
    bad.write_text("- id: x\n  theme: t\n  type: evidence\n  template: a\n  applies_to: [overview]\n" * 2)
    with pytest.raises(AssistantError, match="repeats an id"):
        load_question_bank(bad)


def test_jaccard_near_duplicates_are_caught_and_distinct_questions_kept() -> None:
    dedupe = Deduper()
    first = "What is driving the decline in household recycling, and what is being done to turn it round?"
    dedupe.accept(first)
    assert dedupe.is_duplicate("What is driving the decline in household recycling and what is being done about it?")
    assert not dedupe.is_duplicate("Is the council tax collection target ambitious enough compared with neighbours?")


@pytest.mark.slow
def test_paraphrases_are_caught_by_embedding_similarity(shared_embedder) -> None:
    dedupe = Deduper(shared_embedder)
    dedupe.accept("Why has the household recycling rate fallen every year?")
    paraphrase = "Why does the household recycling rate keep falling each year?"
    assert dedupe.is_duplicate(paraphrase)
    assert not dedupe.is_duplicate("Which residents are most affected by rising temporary accommodation use?")


def test_values_are_formatted_as_members_read_them() -> None:
    assert format_value(39.5, "%") == "39.5%"
    assert format_value(75.8, "£") == "£75.80"
    assert format_value(1234.0, "kg") == "1,234 kg"
    assert format_value(7.9, "days per FTE") == "7.9 days per FTE"


def _info(indicator_id: str, name: str, aliases: list[str], description: str = "") -> IndicatorInfo:
    return IndicatorInfo(indicator_id=indicator_id, name=name, aliases=aliases, description=description)


INFOS = [
    _info("recycling", "Household waste sent for reuse, recycling and composting (%)", ["recycling rate"]),
    _info("bins", "Missed bin collections per 100,000 collections", ["missed bins"]),
    _info("residual", "Residual household waste per household (kg)", ["residual waste"]),
    _info("ctax", "Council tax collected in year (%)", ["council tax collection", "council tax"]),
    _info("nndr", "Business rates (NNDR) collected in year (%)", ["business rates"]),
    _info("relet", "Average days to re-let council homes", ["voids"]),
]


def test_a_service_topic_pulls_its_family_and_a_named_indicator_stays_narrow() -> None:
    families = load_topic_families()
    waste = [i for i, _ in match_indicators("waste and recycling", INFOS, families=families)]
    assert set(waste) == {"recycling", "bins", "residual"} and waste[0] == "recycling"
    assert [i for i, _ in match_indicators("council tax collection", INFOS, families=families)] == ["ctax"]
    assert set(i for i, _ in match_indicators("performance overview", INFOS, families=families)) == {
        i.indicator_id for i in INFOS}
    assert match_indicators("parking enforcement", INFOS, families=families) == []


def test_a_topic_in_the_resolvers_other_words_finds_its_measure() -> None:
    """"Delayed discharge" is the days people spend in hospital when ready to be discharged (as the resolver reads
    it), not the readmission rate per 1,000 discharges that merely shares the word (a brief on it led with that)."""
    infos = [IndicatorInfo(indicator_id="SW08", name="Number of Days People Spend in Hospital When They are Ready "
                           "to be Discharged, per 1,000 Population (75+)", unit="days", polarity="lower_is_better"),
             IndicatorInfo(indicator_id="SW06", name="Rate of Readmission to Hospital Within 28 Days per 1,000 "
                           "Discharges", unit="per 1,000", polarity="lower_is_better")]
    found = [i for i, _ in match_indicators("delayed discharge", infos, families={})]
    assert found[:1] == ["SW08"]
