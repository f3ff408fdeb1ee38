"""What a measure is, in words a councillor can follow: definition, kind (outcome, output, cost), which direction is
better, how often it is published, who publishes it and where (from the metadata, completed by the definitions of
the public datasets' measures in prompts/challenge_lines.yaml `measures`). No number is computed here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from bot.challenge.text import display_name, phrase, wording

if TYPE_CHECKING:
    from indicators.models import DatasetInfo, IndicatorAnalysis, IndicatorInfo

__all__ = ["MeasureFacts", "describe_measure", "is_output_measure", "is_workforce_measure", "publisher_of",
           "resident_facing"]

# Measure types that count activity (outputs) rather than results for residents.
OUTPUT_TYPES = frozenset({"count", "volume", "number", "activity", "output", "total"})
# Words marking a measure about the workforce or money rather than residents' experience of a service.
_NOT_RESIDENT_FACING = re.compile(r"\b(?:turnover|sickness|absence|staff|workforce|employees?|fte|leavers|"
                                  r"vacanc\w*|cost|costs|spend|spending|expenditure|budget|income|pay)\b")
# A description that is only a pointer or a note, not a definition.
_NOT_A_DEFINITION = re.compile(r"^(?:for more details|data is available|data are available|please note|note:|"
                               r"see |source:)", re.IGNORECASE)


class MeasureFacts(BaseModel):
    """A measure described for members (every field is words; the latest period and release are labels)."""

    indicator_id: str
    name: str
    definition: str
    quoted: bool = False  # the definition is the metadata's own description, quoted verbatim
    kind: str  # "an outcome measure", "a cost measure", ...
    polarity: str
    cadence: str
    publisher: str
    url: str = ""
    latest_period: str = ""
    imported: str = ""  # when the data were loaded ("1 December 2026")
    comparators: str = ""
    scope: str = ""  # what the measure covers beyond the council's own service, when that matters


def _entries() -> list[dict[str, Any]]:
    data = wording().data.get("measures") or []
    return [e for e in data if isinstance(e, dict)]


def publisher_of(info: IndicatorInfo) -> dict[str, Any]:
    """The `measures` entry of the public dataset the indicator comes from ({} for a council's own data)."""
    source = f"{info.source} {info.dataset}".lower()
    for entry in _entries():
        if str(entry.get("match", "")).lower() in source:
            return entry
    return {}


def _curated(info: IndicatorInfo) -> dict[str, str]:
    entry = publisher_of(info)
    found = (entry.get("definitions") or {}).get(info.indicator_id)
    return found if isinstance(found, dict) else {}


def is_output_measure(info: IndicatorInfo) -> bool:
    """Whether the measure counts activity (an output) rather than a result, as its metadata says."""
    curated = _curated(info).get("type", "")
    if curated:
        return curated == "output"
    return info.measure_type.strip().lower() in OUTPUT_TYPES


def resident_facing(info: IndicatorInfo) -> bool:
    """Whether the measure is about residents' experience of a service (not the workforce or money): only then
    does "which residents are most affected" make sense."""
    if info.unit.strip().startswith("£") or info.measure_type.strip().lower() == "cost":
        return False
    return not _NOT_RESIDENT_FACING.search(f" {phrase(info.name)} {' '.join(phrase(a) for a in info.aliases)} ")


_WORKFORCE = re.compile(r"\b(?:turnover|sickness|absence|staff|workforce|employees?|fte|leavers|vacanc\w*)\b")


def is_workforce_measure(info: IndicatorInfo) -> bool:
    """Whether the measure is about the workforce (turnover, sickness absence, vacancies)."""
    return bool(_WORKFORCE.search(f" {phrase(info.name)} {' '.join(phrase(a) for a in info.aliases)} "))


def _definition(info: IndicatorInfo) -> tuple[str, bool]:
    curated = _curated(info).get("definition")
    if curated:
        return curated, False
    description = " ".join(info.description.split())
    restated = phrase(description) in {phrase(info.name), phrase(f"{info.measure_type}, {info.name}"), ""}
    if not restated and not _NOT_A_DEFINITION.match(description):
        first = re.split(r"(?<=[.!?])\s+", description)[0]
        return first, True
    return wording().fill("measures_text.named_only", name=display_name(info.name)), False


def _kind(info: IndicatorInfo) -> str:
    w = wording()
    curated = _curated(info).get("type", "")
    measure_type = (curated or info.measure_type).strip().lower()
    if is_output_measure(info):
        return w.text("measures_text.kind_output")
    if measure_type == "outcome":
        return w.text("measures_text.kind_outcome")
    if measure_type == "cost" or info.unit.strip().startswith("£"):
        return w.text("measures_text.kind_cost")
    if measure_type:
        article = "an" if measure_type[:1] in "aeiou" else "a"
        return w.fill("measures_text.kind_other", article=article, measure_type=measure_type)
    return w.text("measures_text.kind_unknown")


def _polarity(a: IndicatorAnalysis) -> str:
    w = wording()
    keys = {"higher_is_better": "measures_text.higher_is_better", "lower_is_better": "measures_text.lower_is_better",
            "closer_to_target": "measures_text.closer_to_target"}
    return w.text(keys.get(a.info.polarity or "", "measures_text.no_direction"))


def _cadence(a: IndicatorAnalysis) -> str:
    w = wording()
    reported = a.info.reporting_period.strip()
    if re.search(r"aggregate", reported, re.IGNORECASE):
        return w.fill("measures_text.cadence_aggregate", reported=reported.lower())
    cadence = str(getattr(a, "cadence", "") or "annual")
    frequency = a.frequency
    if frequency != "annual":
        return w.fill("measures_text.cadence_in_year", frequency=frequency)
    if cadence == "biennial":
        return w.text("measures_text.cadence_biennial")
    if cadence != "annual":
        return w.fill("measures_text.cadence_other", cadence=cadence)
    return w.text("measures_text.cadence_annual")


def _imported(dataset: DatasetInfo | None) -> str:
    from datetime import datetime

    if dataset is None or not dataset.imported_at:
        return ""
    try:
        when = datetime.fromisoformat(dataset.imported_at)
    except ValueError:
        return ""
    return f"{when.day} {when:%B %Y}"


def describe_measure(a: IndicatorAnalysis, dataset: DatasetInfo | None = None) -> MeasureFacts:
    """The measure behind an analysis, described for members."""
    info = a.info
    entry = publisher_of(info)
    definition, quoted = _definition(info)
    comp = a.comparators
    w = wording()
    comparators = ""
    if comp is not None:
        group = comp.group_name.replace("_", " ")
        comparators = w.fill("measures_text.comparators", group=group, period=comp.period)
    latest = a.latest_in_year.period if a.latest_in_year is not None else a.latest.period
    return MeasureFacts(
        indicator_id=info.indicator_id, name=display_name(info.name), definition=definition, quoted=quoted,
        kind=_kind(info), polarity=_polarity(a), cadence=_cadence(a),
        publisher=str(entry.get("publisher") or info.source or info.dataset or w.text("measures_text.own_data")),
        url=str(entry.get("url") or ""), latest_period=latest, imported=_imported(dataset),
        comparators=comparators, scope=str(_curated(info).get("scope") or ""))
