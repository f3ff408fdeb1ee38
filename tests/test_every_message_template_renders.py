"""Every message table the answer pipeline speaks from renders with values for its fields, leaving no {braces}."""

from __future__ import annotations

import string

import pytest

from bot.pipeline.messages import MESSAGES, message
from indicators.listing_wording import LISTING_MESSAGES
from indicators.wording import ANALYSIS_MESSAGES, RESOLVER_MESSAGES

TABLES = {"pipeline": MESSAGES, "resolver": RESOLVER_MESSAGES, "analysis": ANALYSIS_MESSAGES,
          "listing": LISTING_MESSAGES}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(("table", "key"), [(t, k) for t, table in TABLES.items() for k in table])
def test_template_renders_with_every_field_filled(table: str, key: str) -> None:
    template = TABLES[table][key]
    values = {name: f"<{name}>" for name in _fields(template)}
    text = template.format(**values)
    assert text.strip()
    assert "{" not in text and "}" not in text
    for name in values:
        assert f"<{name}>" in text


def test_message_helper_fills_named_values() -> None:
    assert message("unknown_council", wanted="Brigton", closest="Brighton and Hove") == (
        "unknown council 'Brigton'; closest: Brighton and Hove")
