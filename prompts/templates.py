"""Wording templates kept as YAML in prompts/ (challenge lines, briefing notes): loaded once, filled with
`str.format`, and refused with a one-line error when a placeholder has no value.

A YAML file is a mapping; nested mappings give dotted keys (`worsening_trend.title`). Only string leaves are
templates; other values (lists, numbers) are left to the caller via `Templates.data`.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Any

from prompts import PROMPTS_DIR
from prompts.errors import ScrutinyError

__all__ = ["TemplateError", "Templates", "load_templates", "placeholders"]


class TemplateError(ScrutinyError):
    """A wording file is missing, malformed, or a template was filled without one of its placeholders."""


def placeholders(template: str) -> set[str]:
    """The names a template needs ("{indicator} was {latest}" -> {"indicator", "latest"})."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}."))
        elif isinstance(value, str):
            out[name] = value
    return out


class Templates:
    """The string templates of one wording file, by dotted key."""

    def __init__(self, data: dict[str, Any], origin: str = "wording") -> None:
        self.data = data
        self.origin = origin
        self.entries = _flatten(data)

    def text(self, key: str) -> str:
        """The raw template for `key`."""
        try:
            return self.entries[key]
        except KeyError:
            raise TemplateError(f"{self.origin} has no wording {key!r}") from None

    def fill(self, key: str, **values: object) -> str:
        """The template for `key` with its placeholders filled; every placeholder must be given."""
        template = self.text(key)
        missing = placeholders(template) - set(values)
        if missing:
            raise TemplateError(f"{self.origin} wording {key!r} needs {', '.join(sorted(missing))}")
        return template.format(**values)

    def keys(self) -> list[str]:
        """Every template key, in file order."""
        return list(self.entries)


@lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> Templates:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise TemplateError(f"cannot read wording {path}: {exc}") from None
    if not isinstance(data, dict):
        raise TemplateError(f"wording {path} must be a mapping")
    return Templates(data, origin=str(path))


def load_templates(name: str | Path) -> Templates:
    """The templates of prompts/`name` (or of a path), read once per file version."""
    path = Path(name) if Path(name).is_absolute() else PROMPTS_DIR / name
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise TemplateError(f"cannot read wording {path}: {exc}") from None
    return _load(str(path), mtime)
