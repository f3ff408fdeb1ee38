"""Importer for the Scottish LGBF download: values, indicator information and family groups.

LGBF councils carry no codes in the data, so each gets a stable slug code ("S-aberdeen-city"). Percentages
are published as fractions (0.4455 for 44.55%): they are stored multiplied by 100 so that answers read in per
cent, unless an indicator's values are already in points (e.g. attainment gaps), which is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from indicators.errors import ImportValidationError
from indicators.importing import (
    PUBLISHED_COLUMNS,
    TABLE_COLUMNS,
    GroupScheme,
    ParsedDataset,
    drop_duplicate_rows,
    normalise_polarity,
    parse_numbers,
    read_checked,
    read_frame,
    slug,
)
from indicators.models import DatasetComparators, IndicatorInfo, Polarity
from indicators.periods import parse_period

Progress = Callable[[str, int, int], None]
VALUES = "lgbf_values_real.csv"
INFO = "indicator_information.csv"
FAMILIES = "family_groups.csv"
REQUIRED = ["code", "localauthority", "year", "la_indicatorreal"]
INFO_REQUIRED = ["title", "code", "measuretype", "ranking_type"]
# A percentage indicator whose largest absolute value is at most this is held as a fraction in the download.
FRACTION_LIMIT = 5.0
UNITS = {"cost": "£", "percentage": "%", "days": "days", "weeks": "weeks", "rate per 1,000": "per 1,000",
         "rate per 10,000": "per 10,000", "score": "score"}


def area_code(name: str) -> str:
    """Stable code for an LGBF council name ("Argyll & Bute" -> "S-argyll-and-bute")."""
    return "S-" + slug(name)


# The named family groups of LGBF's values file: 1 and 4 of each scheme (2 and 3 are numbered only).
_NAMED_GROUPS = {"Least Deprived": ("deprivation", 1), "Most Deprived": ("deprivation", 4),
                 "Rural": ("urban/rural", 1), "Urban": ("urban/rural", 4)}


def family_average_applies(own: str, labels: set[str], group_name: str) -> bool:
    """Whether a row's published family-group average (its group label `own`; `labels`: every label the measure's
    rows carry that year) is the average of `group_name` ("LGBF Family Group 2 (…, grouped by urban/rural)"). A
    measure whose rows name the other scheme's groups ("Rural" on a people-services measure) never applies."""
    number = re.search(r"Group (\d)", group_name)
    ours = "deprivation" if "depriv" in group_name.lower() else "urban/rural" if "urban" in group_name.lower() else ""
    schemes = {_NAMED_GROUPS[x][0] for x in labels if x in _NAMED_GROUPS}
    if number is None or schemes != {ours}:
        return False
    own_number = _NAMED_GROUPS[own][1] if own in _NAMED_GROUPS else int(own) if own.isdigit() else None
    return own_number == int(number[1])


def _files(path: Path) -> tuple[Path, Path, Path]:
    folder = path if path.is_dir() else path.parent
    values = path / VALUES if path.is_dir() else path
    return values, folder / INFO, folder / FAMILIES


def import_lgbf(path: Path, meta: Path | None = None, groups: Path | None = None,
                progress: Progress | None = None) -> ParsedDataset:
    """Read the LGBF folder (or its values CSV with the two companion files beside it)."""
    import pandas as pd

    values_path, info_path, families_path = _files(path)
    groups = groups or families_path
    for required in (values_path, info_path, groups):
        if not required.exists():
            raise ImportValidationError(str(required), None, "file not found (the LGBF import needs "
                                                             f"{VALUES}, {INFO} and {FAMILIES})")
    file = str(values_path)
    df = read_checked(values_path, REQUIRED, "", progress)
    line = pd.Series(range(2, 2 + len(df)), index=df.index)
    parsed = ParsedDataset(fmt="lgbf", source=str(values_path.parent), values=pd.DataFrame(columns=TABLE_COLUMNS),
                           indicators={}, areas={}, national_label="all Scottish councils",
                           comparators=DatasetComparators(terms="lgbf", national_name="Scotland",
                                                          group_label="LGBF family group", published=True))

    infos, schemes_by_ind, midpoints = _read_info(info_path, parsed)
    keep = pd.Series(True, index=df.index)
    incomplete = (df["code"] == "") | (df["localauthority"] == "") | (df["year"] == "")
    for ln in line[incomplete]:
        parsed.skip(int(ln), "blank Code, LocalAuthority or Year")
    if incomplete.any():
        parsed.warnings.append(f"{int(incomplete.sum())} rows with a blank Code, LocalAuthority or Year skipped")
    keep &= ~incomplete
    unknown = keep & ~df["code"].isin(list(infos))
    if unknown.any():
        codes = sorted(df.loc[unknown, "code"].unique())
        for ln, code in zip(line[unknown], df.loc[unknown, "code"], strict=True):
            parsed.skip(int(ln), f"indicator code {code!r} not in {INFO}")
        parsed.warnings.append(f"{int(unknown.sum())} rows with indicator codes not in {INFO} skipped: "
                               f"{', '.join(codes[:5])}")
    keep &= ~unknown

    keys, canonical = {}, {}
    for text in df.loc[keep, "year"].unique():
        try:
            p = parse_period(text)
        except ValueError as exc:
            raise ImportValidationError(file, int(line[keep & (df["year"] == text)].iloc[0]), str(exc)) from exc
        keys[text], canonical[text] = p.key, p.text

    value, bad = parse_numbers(df["la_indicatorreal"])
    if (bad & keep).any():
        raise ImportValidationError(file, int(line[bad & keep].iloc[0]), "LA_IndicatorReal "
                                    f"{df.loc[bad & keep, 'la_indicatorreal'].iloc[0]!r} is not a number")
    blank = keep & value.isna()
    for ln, code, la, year in zip(line[blank], df.loc[blank, "code"], df.loc[blank, "localauthority"],
                                  df.loc[blank, "year"], strict=True):
        parsed.skip(int(ln), f"blank value ({code}, {la}, {year})")
    if blank.any():
        parsed.warnings.append(f"{int(blank.sum())} rows with a blank value skipped")
    keep &= ~blank

    numerator = parse_numbers(df["la_numerator_real"])[0] if "la_numerator_real" in df.columns else float("nan")
    denominator = parse_numbers(df["la_den_real"])[0] if "la_den_real" in df.columns else float("nan")
    out = pd.DataFrame({"indicator_id": df["code"], "area_code": df["localauthority"].map(area_code),
                        "period": df["year"].map(canonical), "value": value, "target": float("nan"),
                        "numerator": numerator, "denominator": denominator, "note": "",
                        "key": df["year"].map(keys), "_line": line})[keep]
    out["key"] = out["key"].astype("float64")
    # The published comparators of each row (Scotland_Indicator_Real, FG_Avg_Indicator_Real, FamilyGroup).
    nothing = pd.Series(float("nan"), index=df.index)
    national = parse_numbers(df["scotland_indicator_real"])[0] if "scotland_indicator_real" in df.columns else nothing
    average = parse_numbers(df["fg_avg_indicator_real"])[0] if "fg_avg_indicator_real" in df.columns else nothing
    group = df["familygroup"] if "familygroup" in df.columns else pd.Series("", index=df.index)
    published = pd.DataFrame({"indicator_id": out["indicator_id"], "area_code": out["area_code"],
                              "period": out["period"], "national": national[keep], "group_average": average[keep],
                              "group": group[keep]})

    # Percentages held as fractions are scaled to per cent (see module docstring).
    scaled = []
    for ind, info in infos.items():
        if info.unit != "%":
            continue
        rows = out["indicator_id"] == ind
        biggest = out.loc[rows, "value"].abs().max() if rows.any() else 0.0
        if biggest <= FRACTION_LIMIT:
            out.loc[rows, "value"] = out.loc[rows, "value"] * 100.0
            published.loc[rows, ["national", "group_average"]] = published.loc[rows, ["national", "group_average"]] \
                * 100.0
            scaled.append(ind)
            if midpoints.get(ind) is not None:
                infos[ind] = info.model_copy(update={"midpoint": midpoints[ind] * 100.0})
        else:
            parsed.warnings.append(f"{ind}: a percentage whose values are already in points (largest "
                                   f"{biggest:g}); not rescaled")
            if midpoints.get(ind) is not None:
                infos[ind] = info.model_copy(update={"midpoint": midpoints[ind]})

    out = drop_duplicate_rows(out, file, parsed)

    parsed.values = out[TABLE_COLUMNS].reset_index(drop=True)
    published = published.loc[out.index]
    if published[["national", "group_average"]].notna().any().any():
        parsed.published = published[PUBLISHED_COLUMNS].reset_index(drop=True)
    parsed.indicators = infos
    names = df.loc[keep, "localauthority"].unique()
    parsed.areas = {area_code(n): n for n in names}
    parsed.groups = _read_families(groups, parsed)
    parsed.indicator_scheme = {ind: schemes_by_ind.get(ind, "") for ind in infos}
    if meta is not None:
        from indicators.tidy import apply_meta

        apply_meta(meta, parsed)
    if progress:
        progress("validating", len(df), len(df))
    return parsed


def _unit(measure_type: str, number_format: str) -> str:
    key = measure_type.strip().lower()
    if key in UNITS:
        return UNITS[key]
    if "tco2" in number_format.lower():
        return "tCO2"
    return ""


def _read_info(path: Path, parsed: ParsedDataset) -> tuple[dict[str, IndicatorInfo], dict[str, str],
                                                           dict[str, float | None]]:
    info = read_frame(path)
    missing = [c for c in INFO_REQUIRED if c not in info.columns]
    if missing:
        raise ImportValidationError(str(path), 1, f"missing required column {missing[0]!r}")
    infos: dict[str, IndicatorInfo] = {}
    schemes: dict[str, str] = {}
    midpoints: dict[str, float | None] = {}
    odd_markers: set[str] = set()
    for i, row in enumerate(info.to_dict("records"), start=2):
        code = row["code"]
        if not code:
            parsed.warnings.append(f"{path.name}: a row with a blank Code ignored")
            continue
        marker = row["ranking_type"]
        polarity: Polarity | None = normalise_polarity(marker, str(path), i)
        if marker and marker not in ("Ascending", "Descending", "Goldilocks"):
            odd_markers.add(marker)
        midpoint = None
        if polarity == "closer_to_target":
            numbers, bad = parse_numbers(_series([row.get("ranking_goldilocksmidpoint", "")]))
            if bad.any() or numbers.isna().all():
                raise ImportValidationError(str(path), i, f"{code} is Goldilocks but has no "
                                                          "Ranking_GoldilocksMidpoint")
            midpoint = float(numbers.iloc[0])
        midpoints[code] = midpoint
        infos[code] = IndicatorInfo(
            indicator_id=code, name=" ".join(row["title"].split()), unit=_unit(row["measuretype"],
                                                                               row.get("numberformat", "")),
            polarity=polarity, description=" ".join(row.get("source", "").split())[:600],
            measure_type=row["measuretype"], source="Local Government Benchmarking Framework (Improvement Service)",
            reporting_period=row.get("reportingperiod", ""), category=row.get("iscategory", ""),
            denominator_description=" ".join(row.get("denominator_correct", "").split()))
        schemes[code] = row.get("familygrouping", "")
    if odd_markers:
        parsed.warnings.append(f"Ranking_Type markers normalised: {', '.join(sorted(odd_markers))}")
    return infos, schemes, midpoints


def _series(items: list[str]):  # noqa: ANN202
    import pandas as pd

    return pd.Series(items)


_SHORT = {"Children, Social Work and Housing indicators": "people services, grouped by deprivation",
          "Environmental, Culture & Leisure, Economic Development, Corporate and Property indicators":
              "other services, grouped by urban/rural"}


def _read_families(path: Path, parsed: ParsedDataset) -> dict[str, GroupScheme]:
    fam = read_frame(path)
    for col in ("family_group", "local_authority", "type"):
        if col not in fam.columns:
            raise ImportValidationError(str(path), 1, f"missing required column {col!r}")
    schemes: dict[str, GroupScheme] = {}
    unknown = sorted(set(fam["local_authority"].map(area_code)) - set(parsed.areas))
    if unknown:
        parsed.warnings.append(f"{path.name}: {len(unknown)} councils not in the values (ignored): "
                               f"{', '.join(unknown[:3])}")
    for scheme_type, sub in fam.groupby("type", sort=False):
        label = f"LGBF family group ({_SHORT.get(scheme_type, scheme_type)})"
        scheme = GroupScheme(label=label)
        for group, members in sub.groupby("family_group", sort=False):
            codes = [area_code(n) for n in members["local_authority"]]
            for code in codes:
                scheme.members[code] = codes
                scheme.names[code] = f"LGBF {group} ({_SHORT.get(scheme_type, scheme_type)})"
        schemes[scheme_type] = scheme
    return schemes
