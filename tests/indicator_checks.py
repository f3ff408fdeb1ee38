"""Shared checks for indicator tests: every number an analysis states is one of its figures."""

from __future__ import annotations

import re
from pathlib import Path

from indicators.models import IndicatorAnalysis
from indicators.store import IndicatorStore

_PERIOD = re.compile(r"\b\d{4}-\d{2}(?: Q[1-4])?\b|\b(?:19|20)\d{2}\b")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:e-?\d+)?")
_ALLOWED_WORDS = re.compile(r"(?<![\d.])\b(?:P1,4,7|P1, P4 and P7|5\+|Level [56]|Quintile [1-5]|18\+|65\+|75\+|16-19|"
                            r"18 Months|30 Days|1 Day|15 days|20%|5%|27-30|Over65|Over 65's|per 1,000|"
                            r"per 10,000|per 100,000|per 100|Family Group [1-4]|CO2|tCO2|Aug-Jul|A class|"
                            r"B class|C class|\(Only 27-30 Month Reviews\))", re.IGNORECASE)


def stated_numbers(text: str) -> list[tuple[float, int]]:
    """Numbers in text (value, decimals shown), ignoring periods and numbers that are part of names."""
    text = _ALLOWED_WORDS.sub(" ", _PERIOD.sub(" ", text))
    out = []
    for m in _NUMBER.finditer(text):
        raw = m[0].replace(",", "")
        if raw in ("-",):
            continue
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        out.append((float(raw), decimals))
    return out


def unmatched_numbers(analysis: IndicatorAnalysis) -> list[str]:
    """Numbers in the sentences that no figure accounts for (after rounding to the decimals shown)."""
    values = [f.value for f in analysis.figures]
    names = " ".join([analysis.info.name, analysis.area_name, *[f.area_name for f in analysis.figures]])
    missing = []
    for sentence in analysis.sentences:
        clean = sentence
        for name in set(names.split(" ")):
            if any(ch.isdigit() for ch in name) and len(name) > 1:
                clean = clean.replace(name, " ")
        for value, decimals in stated_numbers(clean):
            tol = 0.5 * 10 ** (-decimals) + 1e-9
            # Three significant figures for small numbers: allow relative rounding too.
            if not any(abs(abs(v) - abs(value)) <= max(tol, abs(v) * 0.005) for v in values):
                missing.append(f"{value} in {sentence!r}")
    return missing


# LGBF's values file names groups 1 and 4 of each scheme; groups 2 and 3 are numbered only.
_RAW_GROUPS = {"Least Deprived": ("Children", 1), "Most Deprived": ("Children", 4), "Rural": ("Environmental", 1),
               "Urban": ("Environmental", 4)}


def published_average_is_the_groups(labels: set[str], own: str, family_grouping: str, group: str) -> bool:
    """Whether a row's FG_Avg column is the average of the council's own family group (`group`, "Family Group 2",
    of the `family_grouping` type in family_groups.csv): the measure's rows that year (`labels`) must name only this
    type's groups, and the row's own label (`own`) must be the same group number."""
    kinds = {_RAW_GROUPS[x][0] for x in labels if x in _RAW_GROUPS}
    if kinds != {family_grouping.split(",")[0].split()[0]}:
        return False
    number = _RAW_GROUPS[own][1] if own in _RAW_GROUPS else int(own) if own.isdigit() else None
    return number == int(group.split()[-1])


TIDY_HEADER = "indicator_id,indicator_name,area_code,area_name,period,value,unit,polarity"


def tidy_store(folder: Path, rows: list[str], groups: Path | None = None) -> IndicatorStore:
    """A store holding tidy-format `rows` (CSV lines under TIDY_HEADER), imported as dataset "rules"."""
    (folder / "values.csv").write_text("\n".join([TIDY_HEADER, *rows]) + "\n", encoding="utf-8")
    store = IndicatorStore(folder / "home")
    store.import_file(folder / "values.csv", fmt="tidy", dataset="rules", groups=groups)
    return store
