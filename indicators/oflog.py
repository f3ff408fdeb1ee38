"""Importer for the Oflog Local Authority Data Explorer download layout (e.g. adult social care asc_data.csv)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from indicators.errors import ImportValidationError
from indicators.importing import (
    TABLE_COLUMNS,
    GroupScheme,
    ParsedDataset,
    check_group_codes,
    drop_duplicate_rows,
    normalise_polarity,
    parse_numbers,
    read_checked,
    read_groups,
)
from indicators.models import DatasetComparators, IndicatorInfo, Polarity
from indicators.periods import parse_period

Progress = Callable[[str, int, int], None]
REQUIRED = ["financial_year", "local_authority_code", "local_authority_name", "measure", "code", "value"]

# Oflog leaves rank_order blank ("None") where it states no direction. For workforce turnover a lower rate is
# better (README of the data); a metadata file can override any of these.
DEFAULT_POLARITY: dict[str, Polarity] = {"ASC7": "lower_is_better"}
# Units of the adult social care measures (the download does not carry them).
UNITS = {"ASC1": "score", "ASC2": "score", "ASC3": "%", "ASC4": "%", "ASC5": "%", "ASC6": "per 100,000",
         "ASC7": "%"}

# Everyday names for the measures, so questions need not use Oflog's wording.
ALIASES = {
    "ASC1": ["carer quality of life", "carers' quality of life"],
    "ASC2": ["adult social care quality of life", "service user quality of life", "social care-related quality "
             "of life"],
    "ASC3": ["ease of finding information for service users", "finding information about services"],
    "ASC4": ["carers finding information", "ease of finding information for carers"],
    "ASC5": ["reablement", "short-term services outcome", "short-term support outcomes"],
    "ASC6": ["requests for support resulting in a service", "new requests resulting in a service"],
    "ASC7": ["social care staff turnover", "care workforce turnover", "staff turnover"],
}


def _tidy_name(measure: str) -> str:
    return measure.split(",", 1)[1].strip() if measure.lower().startswith("outcome,") else measure.strip()


def import_oflog(path: Path, meta: Path | None = None, groups: Path | None = None,
                 progress: Progress | None = None) -> ParsedDataset:
    """Read an Oflog download (one row per year x council x measure); groups default to nearest_neighbours.json."""
    import pandas as pd

    file = str(path)
    if path.is_dir():
        path = path / "asc_data.csv"
        file = str(path)
    df = read_checked(path, REQUIRED, " (an Oflog download has Financial year, Local authority code, Local "
                                      "authority name, Measure, Code, Value)", progress)
    line = pd.Series(range(2, 2 + len(df)), index=df.index)
    parsed = ParsedDataset(fmt="oflog", source=file, values=pd.DataFrame(columns=TABLE_COLUMNS), indicators={},
                           areas={}, national_label="all English councils in the data",
                           comparators=DatasetComparators(terms="oflog", national_name="England",
                                                          group_label="CIPFA nearest neighbours"))

    for col in ("financial_year", "local_authority_code", "code"):
        blank = df[col] == ""
        if blank.any():
            raise ImportValidationError(file, int(line[blank].iloc[0]), f"blank {col.replace('_', ' ')}")
    keys, canonical = {}, {}
    for text in df["financial_year"].unique():
        try:
            p = parse_period(text)
        except ValueError as exc:
            raise ImportValidationError(file, int(line[df["financial_year"] == text].iloc[0]), str(exc)) from exc
        keys[text], canonical[text] = p.key, p.text

    value, bad = parse_numbers(df["value"])
    if bad.any():
        raise ImportValidationError(file, int(line[bad].iloc[0]), f"Value {df.loc[bad, 'value'].iloc[0]!r} is not "
                                                                  "a number")
    blank = value.isna()
    for ln, code, area, year in zip(line[blank], df.loc[blank, "code"], df.loc[blank, "local_authority_code"],
                                    df.loc[blank, "financial_year"], strict=True):
        parsed.skip(int(ln), f"blank Value ({code}, {area}, {year})")
    if blank.any():
        parsed.warnings.append(f"{int(blank.sum())} rows with a blank Value skipped")

    parsed.indicators = _indicators(df, line, file, parsed)
    names = df.drop_duplicates("local_authority_code").set_index("local_authority_code")["local_authority_name"]
    parsed.areas = {str(k): str(v) for k, v in names.items()}
    renamed = df.groupby("local_authority_code")["local_authority_name"].nunique()
    if (renamed > 1).any():
        parsed.warnings.append(f"{int((renamed > 1).sum())} council codes appear under more than one name; "
                               "the first name is used")

    out = pd.DataFrame({"indicator_id": df["code"], "area_code": df["local_authority_code"],
                        "period": df["financial_year"].map(canonical), "value": value,
                        "target": float("nan"), "numerator": float("nan"), "denominator": float("nan"),
                        "note": "", "key": df["financial_year"].map(keys).astype("float64"), "_line": line})[~blank]
    out = drop_duplicate_rows(out, file, parsed)
    parsed.values = out[TABLE_COLUMNS].reset_index(drop=True)

    groups = groups if groups is not None else path.parent / "nearest_neighbours.json"
    if groups.exists():
        scheme = read_groups(groups, label="CIPFA nearest neighbours")
        check_group_codes(scheme, parsed.areas, parsed, f"groups {groups.name}")
        parsed.groups = {"default": scheme}
    else:
        parsed.warnings.append(f"no comparator groups ({groups.name} not found): comparisons will be national")
        parsed.groups = {"default": GroupScheme(label="CIPFA nearest neighbours")}
    parsed.indicator_scheme = {i: "default" for i in parsed.indicators}
    if meta is not None:
        from indicators.tidy import apply_meta

        apply_meta(meta, parsed)
    if progress:
        progress("validating", len(df), len(df))
    return parsed


def _indicators(df, line, file: str, parsed: ParsedDataset) -> dict[str, IndicatorInfo]:  # noqa: ANN001
    infos: dict[str, IndicatorInfo] = {}
    markers = df["rank_order"] if "rank_order" in df.columns else None
    if markers is not None:
        odd = sorted({m for m in markers.unique() if m and m != m.lower() and m.lower() != "none"})
        if odd:
            parsed.warnings.append(f"rank_order markers in mixed case normalised: {', '.join(odd)} "
                                   f"({int(markers.isin(odd).sum())} rows)")
    for code, sub in df.groupby("code", sort=True):
        name = _tidy_name(sub["measure"].iloc[0])
        polarity: Polarity | None = None
        if markers is not None:
            found: set[Polarity] = set()
            for marker in sub["rank_order"].unique():
                first = int(line[sub.index[sub["rank_order"] == marker][0]])
                p = normalise_polarity(marker, file, first)
                if p is not None:
                    found.add(p)
            if len(found) > 1:
                raise ImportValidationError(file, int(line[sub.index[0]]), f"{code} has conflicting rank_order "
                                                                           "markers")
            polarity = found.pop() if found else None
        if polarity is None and code in DEFAULT_POLARITY:
            polarity = DEFAULT_POLARITY[code]
            parsed.warnings.append(f"{code} ({name}): no rank_order in the file; using {polarity}")
        elif polarity is None:
            parsed.warnings.append(f"{code} ({name}): no rank_order in the file; direction not judged")
        infos[code] = IndicatorInfo(indicator_id=code, name=name, unit=UNITS.get(code, ""), polarity=polarity,
                                    description=sub["measure"].iloc[0], measure_type="Outcome",
                                    aliases=ALIASES.get(code, []),
                                    source="Oflog Local Authority Data Explorer", category="Adult social care")
    return infos
