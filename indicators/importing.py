"""What every importer produces (a ParsedDataset) and the parsing helpers they share."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from indicators.errors import ImportValidationError
from indicators.models import DatasetComparators, IndicatorInfo, Polarity

if TYPE_CHECKING:
    import pandas as pd

# Columns of the stored tidy table (one row per indicator x area x period).
TABLE_COLUMNS = ["indicator_id", "area_code", "period", "value", "target", "numerator", "denominator", "note",
                 "key"]
# Columns of the published-comparators side table (LGBF): the file's own Scotland value and family-group average
# for each indicator x council x period, in the same units as the values.
PUBLISHED_COLUMNS = ["indicator_id", "area_code", "period", "national", "group_average", "group"]
MAX_SKIPPED_LISTED = 2000

_POLARITY_MARKERS: dict[str, Polarity | None] = {
    "higher_is_better": "higher_is_better", "higher": "higher_is_better", "high": "higher_is_better",
    "desc": "higher_is_better", "descending": "higher_is_better", "up": "higher_is_better",
    "lower_is_better": "lower_is_better", "lower": "lower_is_better", "low": "lower_is_better",
    "asc": "lower_is_better", "ascending": "lower_is_better", "down": "lower_is_better",
    "closer_to_target": "closer_to_target", "goldilocks": "closer_to_target", "target": "closer_to_target",
    "": None, "none": None, "nan": None, "n/a": None,
}
CANONICAL_MARKERS = {"higher_is_better", "lower_is_better", "closer_to_target", ""}


@dataclass
class GroupScheme:
    """One way of grouping councils: each area's comparator members and the name of its group."""

    label: str
    members: dict[str, list[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Plain dict for meta.json."""
        return {"label": self.label, "members": self.members, "names": self.names}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GroupScheme:
        """Inverse of to_json."""
        return cls(label=data.get("label", ""), members=data.get("members", {}), names=data.get("names", {}))


@dataclass
class ParsedDataset:
    """A validated dataset ready to store: tidy values, indicator metadata, areas and comparator groups."""

    fmt: str
    source: str
    values: pd.DataFrame
    indicators: dict[str, IndicatorInfo]
    areas: dict[str, str]
    groups: dict[str, GroupScheme] = field(default_factory=dict)
    indicator_scheme: dict[str, str] = field(default_factory=dict)  # indicator id -> key of `groups`
    skipped: list[tuple[int | None, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    national_label: str = "all councils in the data"  # how to name the whole-dataset comparison
    comparators: DatasetComparators = field(default_factory=DatasetComparators)  # what the comparators are
    published: pd.DataFrame | None = None  # PUBLISHED_COLUMNS, when the file carries published comparators

    def skip(self, line: int | None, reason: str) -> None:
        """Record a row left out (the import goes on)."""
        if len(self.skipped) < MAX_SKIPPED_LISTED:
            self.skipped.append((line, reason))


def normalise_polarity(marker: object, file: str, line: int | None) -> Polarity | None:
    """Map a polarity marker (any case: desc, Ascending, lower_is_better, Goldilocks, None) to the tidy term."""
    text = "" if marker is None else str(marker).strip().lower().replace("-", "_").replace(" ", "_")
    if text not in _POLARITY_MARKERS:
        raise ImportValidationError(file, line, f"unknown polarity marker {marker!r} (use higher_is_better, "
                                                "lower_is_better or closer_to_target)")
    return _POLARITY_MARKERS[text]


def read_frame(path: Path) -> pd.DataFrame:
    """Read CSV, XLSX or Parquet as text columns with blanks as empty strings (so nothing is silently coerced)."""
    import pandas as pd

    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt"):
            df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        elif suffix in (".xlsx", ".xlsm", ".xls"):
            df = pd.read_excel(path, dtype=str, keep_default_na=False)
        elif suffix == ".parquet":
            df = pd.read_parquet(path)
            df = df.astype(object).where(df.notna(), "")
            df = df.map(lambda v: v if isinstance(v, str) else repr(v) if isinstance(v, float) else str(v))
        else:
            raise ImportValidationError(str(path), None, f"unsupported file type {suffix!r} (CSV, XLSX or Parquet)")
    except ImportValidationError:
        raise
    except FileNotFoundError as exc:
        raise ImportValidationError(str(path), None, "file not found") from exc
    except Exception as exc:  # noqa: BLE001 - any parser failure is a bad file, reported in one line
        raise ImportValidationError(str(path), None, f"cannot read: {type(exc).__name__}: {exc}".splitlines()[0]) \
            from exc
    df.columns = [str(c).strip().lower().replace(" ", "_") for c in df.columns]
    return df.map(lambda v: str(v).strip() if v is not None else "")


def read_checked(path: Path, required: tuple[str, ...] | list[str], hint: str = "",
                 progress: Callable[[str, int, int], None] | None = None) -> pd.DataFrame:
    """`read_frame`, then report the row count and refuse a table missing a required column (line 1)."""
    df = read_frame(path)
    if progress:
        progress("validating", 0, len(df))
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ImportValidationError(str(path), 1, f"missing required column {missing[0]!r}{hint}")
    return df


def drop_duplicate_rows(out: pd.DataFrame, file: str, parsed: ParsedDataset) -> pd.DataFrame:
    """Drop exact repeats of an indicator/area/period row (reported); refuse repeats that disagree on the value."""
    key = ["indicator_id", "area_code", "period"]
    dup = out.duplicated(key, keep="first")
    if not dup.any():
        return out
    conflicting = dup & ~out.duplicated([*key, "value"], keep="first")
    if conflicting.any():
        row = out[conflicting].iloc[0]
        raise ImportValidationError(file, int(row["_line"]), f"duplicate row for {row['indicator_id']}, "
                                    f"{row['area_code']}, {row['period']} with a different value")
    for ln in out.loc[dup, "_line"]:
        parsed.skip(int(ln), "duplicate row")
    parsed.warnings.append(f"{int(dup.sum())} duplicate rows dropped (same indicator, area, period, value)")
    return out[~dup]


def first_data_line(path: Path) -> int:
    """Line/row number of the first data row: CSV and XLSX have a header on line 1; Parquet rows count from 1."""
    return 1 if path.suffix.lower() == ".parquet" else 2


_NUMBER_JUNK = re.compile(r"[,\s£$€%]")


def parse_numbers(texts: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Numbers from text (thousands separators, £ and % tolerated); returns (numbers, bad mask of non-blank junk).

    Non-finite values (`inf`, `-Infinity`, `1e309`, `nan`) are junk too: no indicator value is infinite, and one
    would print as "inf%" and rank first, or as `Infinity` (invalid JSON) in `--json`.
    """
    import numpy as np
    import pandas as pd

    cleaned = texts.astype(str).str.replace(_NUMBER_JUNK, "", regex=True)
    numbers = pd.to_numeric(cleaned.where(cleaned != "", None), errors="coerce").astype("float64")
    bad = ~np.isfinite(numbers) & (cleaned != "")
    return numbers.where(~bad), bad


def read_groups(path: Path, label: str = "comparator group") -> GroupScheme:
    """Comparator groups from CSV (area_code, group, member_code) or JSON ({area_code: [member codes]})."""
    if not path.exists():
        raise ImportValidationError(str(path), None, "groups file not found")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ImportValidationError(str(path), None, f"not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
            raise ImportValidationError(str(path), None, "expected a JSON object {area_code: [member codes]}")
        members = {str(k).strip(): [str(m).strip() for m in v] for k, v in data.items()}
        return GroupScheme(label=label, members=members, names={k: label for k in members})
    df = read_frame(path)
    missing = [c for c in ("area_code", "member_code") if c not in df.columns]
    if missing:
        raise ImportValidationError(str(path), 1, f"missing required column {missing[0]!r} "
                                                   "(groups CSV needs area_code, group, member_code)")
    scheme = GroupScheme(label=label)
    for i, row in enumerate(df.itertuples(index=False), start=first_data_line(path)):
        area, member = row.area_code, row.member_code
        if not area or not member:
            raise ImportValidationError(str(path), i, "blank area_code or member_code")
        scheme.members.setdefault(area, [])
        if member not in scheme.members[area]:
            scheme.members[area].append(member)
        group = getattr(row, "group", "") if "group" in df.columns else ""
        if group:
            scheme.names[area] = group
    for area in scheme.members:
        scheme.names.setdefault(area, label)
    return scheme


def check_group_codes(scheme: GroupScheme, areas: dict[str, str], parsed: ParsedDataset, what: str) -> None:
    """Warn (not fail) about group codes the data does not hold and councils that have no group."""
    unknown = sorted({c for a, ms in scheme.members.items() for c in [a, *ms]} - set(areas))
    if unknown:
        parsed.warnings.append(f"{what}: {len(unknown)} area codes not in the data (ignored), e.g. "
                               f"{', '.join(unknown[:3])}")
    without = sorted(set(areas) - set(scheme.members))
    if without:
        parsed.warnings.append(f"{what}: {len(without)} councils have no comparator group, e.g. "
                               f"{', '.join(without[:3])}")


def slug(text: str) -> str:
    """Lower-case hyphenated form of a name ("Argyll & Bute" -> "argyll-and-bute")."""
    text = text.lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
