"""Importer for the tidy indicator format (CSV, XLSX or Parquet) with its optional metadata and groups files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from indicators.errors import ImportValidationError
from indicators.importing import (
    CANONICAL_MARKERS,
    TABLE_COLUMNS,
    GroupScheme,
    ParsedDataset,
    check_group_codes,
    drop_duplicate_rows,
    first_data_line,
    normalise_polarity,
    parse_numbers,
    read_checked,
    read_frame,
    read_groups,
)
from indicators.models import IndicatorInfo
from indicators.periods import parse_period

if TYPE_CHECKING:
    import pandas as pd

REQUIRED = ["indicator_id", "area_code", "period", "value"]
META_COLUMNS = ["indicator_id", "name", "unit", "polarity", "description", "measure_type", "source", "aliases"]
# Optional metadata columns: `midpoint` (the ideal of a closer_to_target indicator), `denominator_description`
# (what the denominator counts), and a dated target: `target_value` to be reached by `target_period`, by the
# council `target_area_code` (blank: by every council).
OPTIONAL_META_COLUMNS = ["midpoint", "denominator_description", "target_value", "target_period", "target_area_code"]
Progress = Callable[[str, int, int], None]


def _fail_rows(file: str, lines: pd.Series, reasons: list[str]) -> None:
    more = f" ({len(reasons) - 1} more bad rows)" if len(reasons) > 1 else ""
    raise ImportValidationError(file, int(lines.iloc[0]), reasons[0] + more)


def import_tidy(path: Path, meta: Path | None = None, groups: Path | None = None,
                progress: Progress | None = None) -> ParsedDataset:
    """Validate a tidy table; raise ImportValidationError (file, line, reason) on the first bad row."""
    import pandas as pd

    file = str(path)
    df = read_checked(path, REQUIRED, f" (required: {', '.join(REQUIRED)})", progress)
    line = pd.Series(range(first_data_line(path), first_data_line(path) + len(df)), index=df.index)
    parsed = ParsedDataset(fmt="tidy", source=file, values=pd.DataFrame(columns=TABLE_COLUMNS), indicators={},
                           areas={})

    for col in ("indicator_id", "area_code", "period"):
        blank = df[col] == ""
        if blank.any():
            _fail_rows(file, line[blank], [f"blank {col}"] * int(blank.sum()))

    keys: dict[str, float] = {}
    canonical: dict[str, str] = {}
    for text in df["period"].unique():
        try:
            p = parse_period(text)
        except ValueError as exc:
            bad = df["period"] == text
            _fail_rows(file, line[bad], [str(exc)])
        keys[text], canonical[text] = p.key, p.text

    value, bad_value = parse_numbers(df["value"])
    if bad_value.any():
        first = df.loc[bad_value, "value"].iloc[0]
        _fail_rows(file, line[bad_value], [f"value {first!r} is not a number"] * int(bad_value.sum()))
    numeric: dict[str, pd.Series] = {"value": value}
    for col in ("target", "numerator", "denominator"):
        if col in df.columns:
            numbers, bad = parse_numbers(df[col])
            if bad.any():
                _fail_rows(file, line[bad], [f"{col} {df.loc[bad, col].iloc[0]!r} is not a number"] * int(bad.sum()))
            numeric[col] = numbers
        else:
            numeric[col] = pd.Series(float("nan"), index=df.index)

    if "polarity" in df.columns:
        for marker in df["polarity"].unique():
            normalise_polarity(marker, file, int(line[df["polarity"] == marker].iloc[0]))

    out = pd.DataFrame({
        "indicator_id": df["indicator_id"], "area_code": df["area_code"],
        "period": df["period"].map(canonical), **numeric,
        "note": df["note"] if "note" in df.columns else "",
        "key": df["period"].map(keys).astype("float64"),
        "_line": line,
    })

    blank_value = out["value"].isna()
    if blank_value.any():
        for ln in out.loc[blank_value, "_line"]:
            parsed.skip(int(ln), "blank value")
        parsed.warnings.append(f"{int(blank_value.sum())} rows with a blank value skipped")
    out = out[~blank_value]

    out = drop_duplicate_rows(out, file, parsed)

    parsed.values = out[TABLE_COLUMNS].reset_index(drop=True)
    parsed.indicators = _indicator_infos(df, line, file, parsed)
    parsed.areas = _areas(df)
    if meta is not None:
        apply_meta(meta, parsed)
    if groups is not None:
        scheme = read_groups(groups, label="comparator group")
        check_group_codes(scheme, parsed.areas, parsed, f"groups {groups.name}")
        parsed.groups = {"default": scheme}
    else:
        parsed.groups = {"default": GroupScheme(label="comparator group")}
    parsed.indicator_scheme = {i: "default" for i in parsed.indicators}
    if progress:
        progress("validating", len(df), len(df))
    return parsed


def _first_nonblank(df: pd.DataFrame, by: str, col: str) -> dict[str, str]:
    if col not in df.columns:
        return {}
    sub = df.loc[df[col] != "", [by, col]]
    return dict(sub.drop_duplicates(by).itertuples(index=False, name=None))


def _indicator_infos(df: pd.DataFrame, line: pd.Series, file: str, parsed: ParsedDataset) -> dict[str, IndicatorInfo]:
    names = _first_nonblank(df, "indicator_id", "indicator_name")
    units = _first_nonblank(df, "indicator_id", "unit")
    sources = _first_nonblank(df, "indicator_id", "source")
    polarity: dict[str, str | None] = {}
    if "polarity" in df.columns:
        odd = sorted(m for m in df["polarity"].unique() if m not in CANONICAL_MARKERS)
        if odd:
            parsed.warnings.append(f"polarity markers normalised: {', '.join(repr(m) for m in odd)}")
        for ind, sub in df.groupby("indicator_id", sort=False):
            found = {normalise_polarity(m, file, None) for m in sub["polarity"].unique()} - {None}
            if len(found) > 1:
                raise ImportValidationError(file, int(line[sub.index].iloc[0]),
                                            f"indicator {ind} has conflicting polarity markers")
            polarity[ind] = found.pop() if found else None
    infos = {}
    for ind in df["indicator_id"].unique():
        infos[ind] = IndicatorInfo(indicator_id=ind, name=names.get(ind, ind), unit=units.get(ind, ""),
                                   polarity=polarity.get(ind), source=sources.get(ind, ""))
    return infos


def _areas(df: pd.DataFrame) -> dict[str, str]:
    names = _first_nonblank(df, "area_code", "area_name")
    return {code: names.get(code, code) for code in df["area_code"].unique()}


def apply_meta(meta: Path, parsed: ParsedDataset) -> None:
    import pandas as pd

    file = str(meta)
    mf = read_frame(meta)
    if "indicator_id" not in mf.columns:
        raise ImportValidationError(file, 1, "missing required column 'indicator_id'")
    unknown = []
    for i, row in enumerate(mf.to_dict("records"), start=first_data_line(meta)):
        ind = row["indicator_id"]
        if not ind:
            raise ImportValidationError(file, i, "blank indicator_id")
        info = parsed.indicators.get(ind)
        if info is None:
            unknown.append(ind)
            continue
        update: dict[str, object] = {}
        for col in ("name", "unit", "description", "measure_type", "source", "denominator_description"):
            if row.get(col):
                update[col] = row[col]
        if row.get("target_value") or row.get("target_period"):
            if not (row.get("target_value") and row.get("target_period")):
                raise ImportValidationError(file, i, "a dated target needs both target_value and target_period")
            numbers, bad = parse_numbers(pd.Series([row["target_value"]]))
            if bad.any():
                raise ImportValidationError(file, i, f"target_value {row['target_value']!r} is not a number")
            try:
                target_period = parse_period(row["target_period"]).text
            except ValueError as exc:
                raise ImportValidationError(file, i, str(exc)) from exc
            update["target_value"] = float(numbers.iloc[0])
            update["target_period"] = target_period
        if row.get("target_area_code") and "target_value" in update:  # whose target it is (none: no effect)
            area = str(row["target_area_code"]).strip()
            if area not in parsed.areas:
                raise ImportValidationError(file, i, f"target_area_code {area!r} is not an area in the data")
            update["target_area_code"] = area
        if row.get("polarity", "") != "":
            update["polarity"] = normalise_polarity(row["polarity"], file, i)
        if row.get("aliases"):
            sep = ";" if ";" in row["aliases"] else "|" if "|" in row["aliases"] else ","
            update["aliases"] = [a.strip() for a in row["aliases"].split(sep) if a.strip()]
        if row.get("midpoint"):
            numbers, bad = parse_numbers(pd.Series([row["midpoint"]]))
            if bad.any():
                raise ImportValidationError(file, i, f"midpoint {row['midpoint']!r} is not a number")
            update["midpoint"] = float(numbers.iloc[0])
        parsed.indicators[ind] = info.model_copy(update=update)
    if unknown:
        parsed.warnings.append(f"metadata for {len(unknown)} indicators not in the data (ignored): "
                               f"{', '.join(unknown[:5])}")
