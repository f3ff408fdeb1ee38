"""`scrutiny brief --meeting …`: the meeting pack's evidence as briefing notes, one per item (a folder) or one pack
(a single .md or .docx), through bot.briefing's public API."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import TYPE_CHECKING

from bot.moderngov.errors import ModernGovError
from bot.moderngov.metadata import date_words
from bot.moderngov.pack import ItemPack, MeetingPack, slug

if TYPE_CHECKING:
    from indicators.store import IndicatorStore


def _note(item: ItemPack, store: IndicatorStore | None, chart_dir: Path):  # noqa: ANN202 - a Briefing
    from bot.briefing import build_briefing

    briefing, _ = build_briefing(item.evidence, item.answer, store, chart_dir)
    return briefing


def write_meeting_briefs(pack: MeetingPack, store: IndicatorStore | None, out: Path) -> list[Path]:
    """Write the notes: `out` a folder -> one .docx per item; `out` FILE.md or FILE.docx -> one pack."""
    from bot.briefing import atomic_write, render_docx, render_markdown

    items = [i for i in pack.items if i.evidence is not None and (i.answer.questions or i.evidence.analyses)]
    if not items:
        raise ModernGovError(f"no item of {pack.committee}, {date_words(pack.date)} has evidence for a note")
    suffix = out.suffix.lower()
    if suffix not in ("", ".md", ".docx"):
        raise ModernGovError(f"--out with --meeting is a folder, FILE.md or FILE.docx, not {out.suffix!r}")
    if suffix == "":
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for n, item in enumerate(items, start=1):
            target = out / f"{n:02d}-{slug(item.label)}.docx"
            briefing = _note(item, store, out / f"{target.stem}-charts")
            atomic_write(target, lambda t, b=briefing: render_docx(b, t))
            written.append(target)
        return written
    title = f"{pack.committee}, {date_words(pack.date)}: pre-meeting briefing pack"
    if suffix == ".md":
        parts = [f"# {title}", ""] + [f"- {i.label}" for i in items] + [""]
        for item in items:
            text = render_markdown(_note(item, store, out.parent / f"{out.stem}-charts" / slug(item.label)), out)
            parts += ["---", "", _demote(text), ""]
        atomic_write(out, lambda t: t.write_text("\n".join(parts), encoding="utf-8"))
        return [out]
    notes = []
    scratch = out.parent / f".{out.stem}-notes"
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        for n, item in enumerate(items, start=1):
            note = scratch / f"{n:02d}.docx"
            render_docx(_note(item, store, out.parent / f"{out.stem}-charts" / slug(item.label)), note)
            notes.append(note)
        atomic_write(out, lambda t: _merge_docx(title, [i.label for i in items], notes, t))
    finally:
        for note in notes:
            note.unlink(missing_ok=True)
        scratch.rmdir()
    return [out]


def _demote(markdown: str) -> str:
    """Every heading one level down, so each note sits under the pack's title."""
    return "\n".join(f"#{line}" if line.startswith("#") else line for line in markdown.splitlines())


def _merge_docx(title: str, contents: list[str], notes: list[Path], target: Path) -> None:
    """One Word document: a cover listing the items, then each note on new pages (their charts carried over)."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    pack = Document()
    pack.core_properties.title = title
    pack.add_heading(title, level=0)
    for line in contents:
        pack.add_paragraph(line, style="List Bullet")
    body = pack.element.body
    for path in notes:
        pack.add_page_break()
        note = Document(str(path))
        for element in list(note.element.body):
            if element.tag == qn("w:sectPr"):
                continue
            copy = deepcopy(element)
            for blip in copy.iter(qn("a:blip")):
                rid = blip.get(qn("r:embed"))
                if rid and rid in note.part.related_parts:
                    blip.set(qn("r:embed"), pack.part.relate_to(note.part.related_parts[rid], RT.IMAGE))
            body.insert(len(body) - 1, copy)  # before the section properties, which must stay last
    pack.save(str(target))
