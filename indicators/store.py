"""The indicator store: imported datasets as Parquet + JSON under SCRUTINY_HOME/indicators, loaded once per object."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from indicators.errors import ImportValidationError, IndicatorError, UnknownAreaError, UnknownIndicatorError
from indicators.importing import PUBLISHED_COLUMNS, TABLE_COLUMNS, GroupScheme, ParsedDataset
from indicators.integrity import mark_busy, read_manifest, release, remove_leftovers
from indicators.models import DatasetInfo, ImportReport, IndicatorInfo

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[str, int, int], None]
Format = Literal["tidy", "oflog", "lgbf"]
_DATASET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MANIFEST = "manifest.json"


@dataclass
class _Loaded:
    """Everything read from disk for one manifest version."""

    stamp: tuple[int, int]
    datasets: dict[str, DatasetInfo]
    indicators: dict[str, IndicatorInfo]
    areas: dict[str, str]
    groups: dict[str, dict[str, GroupScheme]]  # dataset -> scheme key -> scheme
    schemes: dict[str, str]  # indicator id -> scheme key in its dataset
    folders: dict[str, Path]  # dataset -> its folder, whose values are read only when a question needs them
    indicator_areas: dict[str, set[str]] | None  # indicator id -> areas with a value (None: an older import)
    table: pd.DataFrame | None = None
    published_frames: list[pd.DataFrame] = field(default_factory=list)
    published: dict[tuple[str, str, str], tuple[float | None, float | None, str]] | None = None
    by_indicator: dict[str, pd.DataFrame] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)  # derived data (e.g. indicator embeddings) for this version


class IndicatorStore:
    """Imported indicator datasets; cheap to construct, loads lazily and reloads when the data changes."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.root = self.home / "indicators"
        self._loaded: _Loaded | None = None

    # -- writing -------------------------------------------------------------------------------------------
    def import_file(self, path: Path, fmt: Format = "tidy", meta: Path | None = None, groups: Path | None = None,
                    dataset: str | None = None, progress: Progress | None = None) -> ImportReport:
        """Validate and store a file as a dataset, all or nothing; re-importing a dataset name replaces it."""
        started = time.perf_counter()
        path = Path(path)
        if not path.exists():
            raise ImportValidationError(str(path), None, "file not found")
        remove_leftovers(self.root)  # what an import killed earlier left behind (indicators.integrity)
        parsed = self._parse(path, fmt, meta, groups, progress)
        name = dataset or _default_name(path, fmt)
        if not _DATASET_NAME.match(name):
            raise IndicatorError(f"dataset name {name!r} must be letters, digits, '.', '_' or '-' (max 64)")
        if parsed.values.empty:
            raise ImportValidationError(str(path), None, "no rows with values to import")
        self._check_conflicts(name, parsed, str(path))
        if progress:
            progress("writing", 0, 1)
        info = self._write(name, parsed)
        if progress:
            progress("writing", 1, 1)
        self._loaded = None
        return ImportReport(dataset=name, format=fmt, rows=info.rows, indicators=info.indicators, areas=info.areas,
                            periods=int(parsed.values["period"].nunique()), skipped=parsed.skipped,
                            warnings=parsed.warnings, seconds=time.perf_counter() - started)

    def remove(self, dataset: str) -> None:
        """Delete a dataset (atomically from the manifest, then its files)."""
        manifest = self._manifest()
        entry = manifest["datasets"].pop(dataset, None)
        if entry is None:
            raise IndicatorError(f"no dataset named {dataset!r}")
        self._write_manifest(manifest)
        shutil.rmtree(self.root / entry["dir"], ignore_errors=True)
        self._loaded = None

    @staticmethod
    def _parse(path: Path, fmt: str, meta: Path | None, groups: Path | None,
               progress: Progress | None) -> ParsedDataset:
        if fmt == "tidy":
            from indicators.tidy import import_tidy

            return import_tidy(path, meta=meta, groups=groups, progress=progress)
        if fmt == "oflog":
            from indicators.oflog import import_oflog

            return import_oflog(path, meta=meta, groups=groups, progress=progress)
        if fmt == "lgbf":
            from indicators.lgbf import import_lgbf

            return import_lgbf(path, meta=meta, groups=groups, progress=progress)
        raise IndicatorError(f"unknown import format {fmt!r} (use tidy, oflog or lgbf)")

    def _check_conflicts(self, name: str, parsed: ParsedDataset, file: str) -> None:
        # Indicator ids must be unique across datasets, or a question could not say which one it means.
        loaded = self._load()
        for ind in parsed.indicators:
            held = loaded.indicators.get(ind)
            if held is not None and held.dataset != name:
                raise ImportValidationError(file, None, f"indicator {ind} is already held in dataset "
                                                        f"{held.dataset!r}; remove it or use other ids")

    def _write(self, name: str, parsed: ParsedDataset) -> DatasetInfo:
        import pandas as pd

        from indicators.periods import sort_periods

        self.root.mkdir(parents=True, exist_ok=True)
        folder = f"{name}.{uuid.uuid4().hex[:10]}"
        tmp = self.root / f".tmp-{folder}"
        tmp.mkdir()
        busy = mark_busy(tmp)  # held while writing: a folder nobody holds is a killed import's leftover
        try:
            values = parsed.values.copy()
            for col in ("indicator_id", "area_code", "period", "note"):
                values[col] = values[col].astype(str)
            for col in ("value", "target", "numerator", "denominator", "key"):
                values[col] = pd.to_numeric(values[col]).astype("float64")
            values = values.sort_values(["indicator_id", "area_code", "key"], kind="stable").reset_index(drop=True)
            values.to_parquet(tmp / "values.parquet", index=False)
            if parsed.published is not None and not parsed.published.empty:
                published = parsed.published[PUBLISHED_COLUMNS].copy()
                for col in ("indicator_id", "area_code", "period", "group"):
                    published[col] = published[col].astype(str)
                for col in ("national", "group_average"):
                    published[col] = pd.to_numeric(published[col]).astype("float64")
                published.to_parquet(tmp / "published.parquet", index=False)
            periods_by_ind = {ind: sort_periods(list(sub.unique()))
                              for ind, sub in values.groupby("indicator_id", sort=False)["period"]}
            indicators = {ind: info.model_copy(update={"dataset": name, "periods": periods_by_ind.get(ind, [])})
                          for ind, info in parsed.indicators.items() if ind in periods_by_ind}
            all_periods = sort_periods(list(values["period"].unique()))
            info = DatasetInfo(name=name, format=parsed.fmt, source=parsed.source, rows=len(values),
                               indicators=len(indicators), areas=int(values["area_code"].nunique()),
                               latest_period=all_periods[-1] if all_periods else None,
                               imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
                               national_label=parsed.national_label, comparators=parsed.comparators)
            areas = {c: parsed.areas.get(c, c) for c in values["area_code"].unique()}
            # Which councils hold each indicator, so a question can be read without loading the values.
            held = {ind: sorted(codes) for ind, codes in _areas_with_values(values).items()}
            meta = {"info": info.model_dump(), "indicators": {k: v.model_dump() for k, v in indicators.items()},
                    "areas": areas, "groups": {k: g.to_json() for k, g in parsed.groups.items()},
                    "indicator_scheme": parsed.indicator_scheme, "indicator_areas": held}
            (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
            os.replace(tmp, self.root / folder)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        finally:
            release(busy)
        manifest = self._manifest()
        old = manifest["datasets"].get(name)
        manifest["datasets"][name] = {"dir": folder}
        try:
            self._write_manifest(manifest)
        except BaseException:
            shutil.rmtree(self.root / folder, ignore_errors=True)
            raise
        if old is not None:
            shutil.rmtree(self.root / old["dir"], ignore_errors=True)
        return info

    def _manifest(self) -> dict[str, Any]:
        # A damaged manifest, or one naming a missing folder, is a one-line error naming it and `scrutiny doctor`.
        return read_manifest(self.root)

    def _write_manifest(self, manifest: dict[str, Any]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{MANIFEST}.{uuid.uuid4().hex[:8]}"
        tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        os.replace(tmp, self.root / MANIFEST)

    # -- reading -------------------------------------------------------------------------------------------
    def _stamp(self) -> tuple[int, int]:
        try:
            st = (self.root / MANIFEST).stat()
        except FileNotFoundError:
            return (0, 0)
        return (st.st_mtime_ns, st.st_ino)

    def _load(self) -> _Loaded:
        """The metadata of every dataset (JSON only: reading a question needs no pandas); values load on demand."""
        stamp = self._stamp()
        if self._loaded is not None and self._loaded.stamp == stamp:
            return self._loaded
        datasets: dict[str, DatasetInfo] = {}
        indicators: dict[str, IndicatorInfo] = {}
        areas: dict[str, str] = {}
        groups: dict[str, dict[str, GroupScheme]] = {}
        schemes: dict[str, str] = {}
        folders: dict[str, Path] = {}
        held: dict[str, set[str]] | None = {}
        for name, entry in sorted(self._manifest()["datasets"].items()):
            folder = self.root / entry["dir"]
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            datasets[name] = DatasetInfo(**meta["info"])
            indicators.update({k: IndicatorInfo(**v) for k, v in meta["indicators"].items()})
            areas.update(meta["areas"])
            groups[name] = {k: GroupScheme.from_json(v) for k, v in meta["groups"].items()}
            schemes.update(meta.get("indicator_scheme", {}))
            folders[name] = folder
            if held is not None and "indicator_areas" in meta:
                for ind, codes in meta["indicator_areas"].items():
                    held.setdefault(ind, set()).update(codes)
            else:
                held = None  # imported before the list was kept: worked out from the values instead
        self._loaded = _Loaded(stamp=stamp, datasets=datasets, indicators=indicators, areas=areas, groups=groups,
                               schemes=schemes, folders=folders, indicator_areas=held)
        return self._loaded

    def _values_loaded(self) -> _Loaded:
        loaded = self._load()
        if loaded.table is not None:
            return loaded
        import pandas as pd

        frames, published = [], []
        for name, folder in loaded.folders.items():
            frame = pd.read_parquet(folder / "values.parquet")
            frame["dataset"] = name
            frames.append(frame)
            if (folder / "published.parquet").exists():
                published.append(pd.read_parquet(folder / "published.parquet"))
        if frames:
            loaded.table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        else:
            loaded.table = pd.DataFrame({c: pd.Series(dtype="float64" if c in ("value", "target", "numerator",
                                                                              "denominator", "key") else "str")
                                         for c in [*TABLE_COLUMNS, "dataset"]})
        loaded.published_frames = published
        return loaded

    def indicator_areas(self) -> dict[str, set[str]]:
        """Indicator id -> the areas with a value for it (from the metadata; no values are loaded)."""
        loaded = self._load()
        if loaded.indicator_areas is None:
            loaded.indicator_areas = _areas_with_values(self.table())
        return loaded.indicator_areas

    def datasets(self) -> list[DatasetInfo]:
        """Imported datasets: name, rows, indicators, areas, latest period."""
        return list(self._load().datasets.values())

    def indicators(self) -> list[IndicatorInfo]:
        """Every indicator held, across datasets."""
        return list(self._load().indicators.values())

    def indicator(self, indicator_id: str) -> IndicatorInfo:
        """One indicator's metadata; UnknownIndicatorError if it is not held."""
        info = self._load().indicators.get(indicator_id)
        if info is None:
            raise UnknownIndicatorError(f"unknown indicator {indicator_id!r}")
        return info

    def areas(self) -> dict[str, str]:
        """Area code -> name, across datasets."""
        return dict(self._load().areas)

    def area_name(self, code: str) -> str:
        """The name of an area code; UnknownAreaError if it is not held."""
        name = self._load().areas.get(code)
        if name is None:
            raise UnknownAreaError(f"unknown area {code!r}")
        return name

    def table(self) -> pd.DataFrame:
        """The tidy table of every dataset (cached on this object; do not modify it)."""
        table = self._values_loaded().table
        assert table is not None
        return table

    def values(self, indicator_id: str) -> pd.DataFrame:
        """Rows of one indicator (area_code, period, value, target, numerator, denominator, note, key)."""
        loaded = self._load()
        if indicator_id not in loaded.indicators:
            raise UnknownIndicatorError(f"unknown indicator {indicator_id!r}")
        if not loaded.by_indicator:
            loaded.by_indicator.update({k: v for k, v in self.table().groupby("indicator_id", sort=False)})
        return loaded.by_indicator[indicator_id]

    def comparator_group(self, indicator_id: str, area_code: str) -> tuple[str, list[str]] | None:
        """The council's comparator group for this indicator: (group name, member codes incl. itself) or None."""
        loaded = self._load()
        info = self.indicator(indicator_id)
        scheme = loaded.groups.get(info.dataset, {}).get(loaded.schemes.get(indicator_id, "default"))
        if scheme is None or area_code not in scheme.members:
            return None
        members = list(dict.fromkeys(scheme.members[area_code]))
        if area_code not in members:
            members.append(area_code)
        return scheme.names.get(area_code, scheme.label), members

    def published(self, indicator_id: str, area_code: str, period: str
                  ) -> tuple[float | None, float | None, str] | None:
        """The source's own published comparators for a council's row (LGBF: the Scotland value, the family-group
        average and the family group), in the values' units; None when the dataset carries none."""
        loaded = self._values_loaded()
        if loaded.published is None:
            import math

            table: dict[tuple[str, str, str], tuple[float | None, float | None, str]] = {}
            for side in loaded.published_frames:
                for ind, area, at, nat, avg, group in side[PUBLISHED_COLUMNS].itertuples(index=False, name=None):
                    table[(ind, area, at)] = (None if math.isnan(nat) else float(nat),
                                              None if math.isnan(avg) else float(avg), str(group))
            loaded.published = table
        return loaded.published.get((indicator_id, area_code, period))

    def published_family_average(self, indicator_id: str, area_code: str, period: str) -> float | None:
        """The published family-group average of a council's row, only when it is the average of the group the
        council is compared with: LGBF's values file gives some measures (CHN01, CORP07) the other scheme's groups."""
        from indicators.lgbf import family_average_applies

        row = self.published(indicator_id, area_code, period)
        group = self.comparator_group(indicator_id, area_code)
        if row is None or row[1] is None or group is None:
            return None
        cache = self.cache().setdefault("published.labels", {})
        if (indicator_id, period) not in cache:
            table = self._values_loaded().published or {}
            cache[(indicator_id, period)] = {p[2] for (ind, _, at), p in table.items() if ind == indicator_id and
                                             at == period}
        return row[1] if family_average_applies(row[2], cache[(indicator_id, period)], group[0]) else None

    def dataset(self, name: str) -> DatasetInfo:
        """One dataset's summary; IndicatorError if it is not held."""
        info = self._load().datasets.get(name)
        if info is None:
            raise IndicatorError(f"no dataset named {name!r}")
        return info

    def cache(self) -> dict[str, Any]:
        """A scratch dict tied to the currently loaded data, for derived caches (dropped when data changes)."""
        return self._load().cache


def _areas_with_values(frame: pd.DataFrame) -> dict[str, set[str]]:
    """Indicator id -> the area codes with a non-blank value in a tidy table."""
    held = frame.dropna(subset=["value"]).groupby("indicator_id")["area_code"].unique()
    return {str(k): set(map(str, v)) for k, v in held.items()}


def _default_name(path: Path, fmt: str) -> str:
    if fmt == "lgbf":
        return "lgbf"
    if fmt == "oflog":
        return "oflog"
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-") or "dataset"
    return stem[:64]
