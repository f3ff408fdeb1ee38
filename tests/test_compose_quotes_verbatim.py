"""Extractive quotes are verbatim, contiguous spans of the passage, chosen for relevance."""

from __future__ import annotations

from bot.compose import best_quote

TEXT = (
    "The council adopted its plan in April. Priority 1 is a cleaner, greener borough with recycling at 50% by 2027. "
    "Priority 2 is homes people can afford, with 300 new affordable homes a year. Parking charges were reviewed in "
    "the summer and no change was agreed. The leader thanked officers for their work on the consultation, which "
    "drew 1,200 responses from residents and businesses across all wards of the district."
)


def test_quote_is_a_verbatim_span_about_the_question() -> None:
    quote = best_quote("How many affordable homes a year?", TEXT, limit=160)
    assert quote in TEXT
    assert "300 new affordable homes" in quote
    assert len(quote) <= 240


def test_short_text_is_quoted_whole() -> None:
    assert best_quote("anything", "A short passage.") == "A short passage."
