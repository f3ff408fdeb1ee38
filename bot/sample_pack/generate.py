"""Rebuild the fictional Northbridge sample pack from facts.py: `python -m bot.sample_pack.generate [OUT_DIR]`.

Output is deterministic (fixed dates, fixed zip timestamps, hashed pseudo-random values), so rebuilding an
unchanged pack gives byte-identical files and a diff shows only real changes.
"""

from __future__ import annotations

import csv
import html
import io
import os
import sys
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.sample_pack import facts as F

if TYPE_CHECKING:
    from fpdf import FPDF

PACK_DIR = Path(__file__).resolve().parent

PLAN_FILE = "documents/northbridge-council-plan-2024-2028.pdf"
REPORT_FILE = "documents/northbridge-q2-2024-25-performance-report.docx"
PEER_FILE = "documents/northbridge-corporate-peer-challenge-2023.pdf"
SCRUTINY_FILE = "documents/northbridge-overview-scrutiny-minutes-2024-09.md"
CABINET_FILE = "documents/northbridge-cabinet-minutes-2024-07.html"
AUDIT_FILE = "documents/northbridge-annual-audit-letter-2023-24.md"
RESTRICTED_FILE = "documents/restricted/northbridge-exempt-depot-disposal-report.docx"
MANIFEST_FILE = "documents/manifest.yaml"
INDICATORS_FILE = "data/indicators.csv"
META_FILE = "data/indicator_meta.csv"
GROUPS_FILE = "data/nearest_neighbours.csv"

TIDY_COLUMNS = ("indicator_id", "indicator_name", "area_code", "area_name", "period", "value", "unit", "polarity",
                "target", "numerator", "denominator", "source", "note")
META_COLUMNS = ("indicator_id", "name", "unit", "polarity", "description", "measure_type", "source", "aliases",
                "target_value", "target_period", "target_area_code")
KPI_COLUMNS = ("Indicator", "Period", "Value", "Target", "RAG", "Commentary")

# Core PDF fonts are latin-1 only; map the typographic characters a writer might slip into facts.py.
_LATIN1_MAP = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"',
                             "\u201d": '"', "\u2026": "...", "\u2022": "-", "\u00a0": " "})
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def _long_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def _stamp(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 9, 0, 0, tzinfo=UTC)


def _write(path: Path, data: bytes) -> None:
    # Atomic: a reader never sees half a file, and a failed build leaves the old file in place.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _shown(indicator_id: str, value: float) -> str:
    ind = F.INDICATORS_BY_ID[indicator_id]
    text = F.format_value(indicator_id, value)
    if ind.unit == "%":
        return f"{text}%"
    if ind.unit == "£":
        return f"£{text}"
    return f"{text} {ind.unit}"


# ---------------------------------------------------------------------------------------------------------
# Data

def indicator_rows() -> list[list[str]]:
    """Every row of data/indicators.csv: all areas x annual periods, then the home council's quarters."""
    rows: list[list[str]] = []
    for ind in F.INDICATORS:
        home_counts = dict(zip(F.ANNUAL_PERIODS, ind.home_counts, strict=False))
        for code, name in F.AREAS:
            home = code == F.HOME_CODE
            for period in F.ANNUAL_PERIODS:
                value = F.area_value(ind.indicator_id, code, period)
                target = F.format_value(ind.indicator_id, F.home_target(ind.indicator_id, period)) if home else ""
                num, den = home_counts.get(period, ("", "")) if home else ("", "")
                note = ind.notes.get(period, "") if home else ""
                rows.append([ind.indicator_id, ind.name, code, name, period,
                             F.format_value(ind.indicator_id, value), ind.unit, ind.polarity, target,
                             str(num), str(den), ind.source, note])
        for q in ind.quarters:
            num = "" if q.numerator is None else str(q.numerator)
            den = "" if q.denominator is None else str(q.denominator)
            rows.append([ind.indicator_id, ind.name, F.HOME_CODE, F.HOME_NAME, q.period,
                         F.format_value(ind.indicator_id, F.quarter_value(q)), ind.unit, ind.polarity,
                         F.format_value(ind.indicator_id, q.target), num, den, F.QUARTERLY_SOURCE, q.note])
    return rows


def meta_rows() -> list[list[str]]:
    """Every row of data/indicator_meta.csv (a dated target, the home council's, only where the Council Plan's
    commitment is one)."""
    rows = []
    for i in F.INDICATORS:
        dated = F.dated_target(i.indicator_id)
        target = ["", "", ""] if dated is None else [F.format_value(i.indicator_id, dated[0]), dated[1], F.HOME_CODE]
        rows.append([i.indicator_id, i.name, i.unit, i.polarity, i.description, i.measure_type, i.source,
                     "|".join(i.aliases), *target])
    return rows


def group_rows() -> list[list[str]]:
    """data/nearest_neighbours.csv: every council's group is the same 16 councils, itself included."""
    return [[area, F.GROUP_NAME, member] for area, _ in F.AREAS for member, _ in F.AREAS]


# ---------------------------------------------------------------------------------------------------------
# PDF

def _latin1(text: str) -> str:
    mapped = text.translate(_LATIN1_MAP)
    mapped.encode("latin-1")  # fail loudly here rather than as an fpdf2 font error mid-page
    return mapped


def _new_pdf(title: str, subject: str, created: date) -> FPDF:
    from fpdf import FPDF

    class _PackPDF(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "B", 8)
            self.set_text_color(160, 0, 0)
            self.cell(0, 5, _latin1(F.FICTIONAL_NOTICE), align="C", new_x="LMARGIN", new_y="NEXT")
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, _latin1(title), align="C", new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0, 0, 0)
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = _PackPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(20, 15, 20)
    pdf.set_title(_latin1(title))
    pdf.set_subject(_latin1(subject))
    pdf.set_author(_latin1(f"{F.HOME_NAME} (fictional)"))
    pdf.set_creator("bot.sample_pack.generate")
    pdf.set_creation_date(_stamp(created))
    return pdf


def _heading(pdf: FPDF, text: str, size: int = 15) -> None:
    pdf.set_font("Helvetica", "B", size)
    pdf.multi_cell(0, size * 0.5, _latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _para(pdf: FPDF, text: str, style: str = "") -> None:
    pdf.set_font("Helvetica", style, 10.5)
    pdf.multi_cell(0, 5.5, _latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2.5)


def _bullets(pdf: FPDF, items: Iterable[str]) -> None:
    pdf.set_font("Helvetica", "", 10.5)
    for item in items:
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(0, 5.5, _latin1(f"- {item}"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.ln(1.5)


def _pdf_table(pdf: FPDF, rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
    pdf.set_font("Helvetica", "", 9.5)
    with pdf.table(col_widths=tuple(widths), text_align="LEFT", line_height=5.5) as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(_latin1(text))
    pdf.ln(4)


def _pdf_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


def council_plan_pdf() -> bytes:
    """The Council Plan 2024-2028: cover, one page per priority, and how the plan is monitored."""
    pdf = _new_pdf(F.PLAN_TITLE, "Council plan", F.PLAN_DATE)
    base = F.PEER_CHALLENGE_YEAR  # the latest outturn when the plan was adopted

    pdf.add_page()
    _heading(pdf, F.PLAN_TITLE, 20)
    _para(pdf, F.FICTIONAL_NOTICE + ". This plan is invented for demonstrations and tests.", "B")
    _para(pdf, f"Adopted by Full Council on {_long_date(F.PLAN_DATE)}.")
    _heading(pdf, "Foreword from the Leader of the Council", 13)
    _para(pdf, "This plan sets out what the council will achieve for Northbridge over the next four years. "
               "It responds to what residents told us in the 2023 budget consultation and to the feedback of "
               "the Local Government Association's corporate peer challenge in November 2023, which asked us "
               "to make our commitments measurable and to report on them openly.")
    _para(pdf, f"{F.PEOPLE['leader']}")
    _heading(pdf, "Our four priorities", 13)
    _bullets(pdf, [f"Priority {p.number}: {p.title}" for p in F.PLAN_PRIORITIES])
    _para(pdf, "Each priority has numbered commitments. Where a commitment can be measured, the plan gives "
               f"the baseline ({base} outturn), the target and the year by which we aim to reach it.")

    for priority in F.PLAN_PRIORITIES:
        pdf.add_page()
        _heading(pdf, f"Priority {priority.number}: {priority.title}", 17)
        _heading(pdf, "Our ambition", 12)
        _para(pdf, priority.ambition)
        _heading(pdf, "Our commitments", 12)
        for c in priority.commitments:
            _para(pdf, f"Commitment {c.number}: {c.text}")
        measured = [c for c in priority.commitments if c.indicator_id]
        if measured:
            _heading(pdf, "How we will measure progress", 12)
            rows = [("No.", "Measure", f"Baseline ({base})", "Target", "By")]
            for c in measured:
                assert c.indicator_id is not None and c.target is not None
                rows.append((c.number, F.INDICATORS_BY_ID[c.indicator_id].name,
                             _shown(c.indicator_id, F.home_value(c.indicator_id, base)),
                             _shown(c.indicator_id, c.target), c.by))
            _pdf_table(pdf, rows, (10, 56, 30, 30, 14))

    pdf.add_page()
    _heading(pdf, "Delivering and monitoring the plan", 17)
    _para(pdf, "Cabinet will receive a performance report every quarter showing each measure against its "
               "target with a red, amber or green rating and commentary on exceptions. Overview and Scrutiny "
               "Committee will receive the same report and may call in any measure for closer review.")
    _heading(pdf, "Resources", 12)
    _para(pdf, f"The Medium Term Financial Strategy forecasts a budget gap of {F.MTFS_GAP} by 2026-27. "
               "Commitment 4.4 sets out how it will be closed; delivering the other commitments within the "
               "budget depends on it.")
    _heading(pdf, "Risks to delivery", 12)
    _bullets(pdf, ["Rising demand for temporary accommodation and its cost.",
                   "Recruitment and retention in planning and environmental health.",
                   "Market prices for recycled materials and contamination of recycling collections.",
                   "Inflation in fuel, pay and contract costs."])
    _para(pdf, "The council will publish an annual report each summer setting out progress against every "
               "commitment in this plan.")
    return _pdf_bytes(pdf)


def peer_challenge_pdf() -> bytes:
    """The 2023 corporate peer challenge feedback report: summary, recommendations, five themes, next steps."""
    pdf = _new_pdf(F.PEER_CHALLENGE_TITLE, "Corporate peer challenge feedback report", F.PEER_CHALLENGE_DATE)
    findings = F.peer_findings()
    recs = F.peer_recommendations()

    pdf.add_page()
    _heading(pdf, F.PEER_CHALLENGE_TITLE, 18)
    _para(pdf, F.FICTIONAL_NOTICE + ". The peer team, the council and this report are invented.", "B")
    _para(pdf, f"On-site visit: {F.PEER_CHALLENGE_VISIT}. Feedback report issued {_long_date(F.PEER_CHALLENGE_DATE)}.")
    _heading(pdf, "1. Executive summary", 15)
    _para(pdf, "Northbridge District Council is a friendly, ambitious council with committed members and "
               "staff, strong partnerships and a good record of balancing its budget. Residents and partners "
               "value its responsiveness.")
    _para(pdf, "The council now needs to sharpen its focus. Its performance reports rate most measures green "
               "against local targets, but comparisons with similar councils tell a less comfortable story in "
               "some services. Household recycling has declined for four consecutive years, the number of "
               "households in temporary accommodation has doubled, and the medium-term budget gap of "
               f"{F.MTFS_GAP} is not yet covered by savings plans.")
    _para(pdf, "Overview and scrutiny could do more to hold the executive to account and to follow up the "
               "recommendations the council receives. The peer team makes nine recommendations, set out in "
               "section 2 and discussed under the five core themes in section 3.")

    pdf.add_page()
    _heading(pdf, "2. Key recommendations", 15)
    _para(pdf, "The peer team recommends that the council:")
    for r in recs:
        _para(pdf, f"Recommendation {r.number}: {r.text}")

    for index, theme in enumerate(F.THEMES, start=1):
        pdf.add_page()
        _heading(pdf, f"3.{index} {theme}", 15)
        _heading(pdf, "Key findings", 12)
        _bullets(pdf, findings[theme])
        related = [r for r in recs if r.theme == theme]
        if related:
            _heading(pdf, "Related recommendations", 12)
            _bullets(pdf, [f"Recommendation {r.number}" for r in related])

    pdf.add_page()
    _heading(pdf, "4. Next steps", 15)
    _para(pdf, "The council is asked to publish this report and an action plan responding to each "
               "recommendation within three months. The LGA will offer a progress review about ten months "
               "after the on-site visit, to which the peer team will return.")
    _heading(pdf, "The peer team", 12)
    _bullets(pdf, F.PEER_TEAM)
    _heading(pdf, "About corporate peer challenge", 12)
    _para(pdf, "Corporate peer challenge is part of sector-led improvement. Peers are serving councillors and "
               "officers from other councils. The team read documents, spoke to more than 80 people and "
               "considered the five core themes of local priorities and outcomes, organisational and place "
               "leadership, governance and culture, financial planning and management, and capacity for "
               "improvement.")
    return _pdf_bytes(pdf)


# ---------------------------------------------------------------------------------------------------------
# Word

def _new_docx(title: str, created: date, header: str) -> Any:
    from docx import Document

    doc = Document()
    props = doc.core_properties
    props.title = title
    props.author = f"{F.HOME_NAME} (fictional)"
    props.last_modified_by = "bot.sample_pack.generate"
    props.created = _stamp(created).replace(tzinfo=None)
    props.modified = _stamp(created).replace(tzinfo=None)
    props.revision = 1
    props.comments = F.FICTIONAL_NOTICE
    doc.sections[0].header.paragraphs[0].text = header
    return doc


def _docx_bytes(doc: Any) -> bytes:
    # python-docx stamps each zip member with the current time; rewrite with a fixed one.
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 3
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def kpi_report_rows() -> list[tuple[str, str, str, str, str, str, str]]:
    """(indicator_id, then the six KPI table columns) for every row of the quarterly report's table."""
    rows = []
    for indicator_id, period in F.REPORT_ROWS:
        ind = F.INDICATORS_BY_ID[indicator_id]
        value = F.home_value(indicator_id, period)
        target = F.home_target(indicator_id, period)
        rows.append((indicator_id, ind.name, period, F.format_value(indicator_id, value),
                     F.format_value(indicator_id, target), F.rag(value, target, ind.polarity), ind.commentary))
    return rows


def performance_report_docx() -> bytes:
    """The Quarter 2 2024-25 performance report with its KPI table and exceptions."""
    title = "Quarter 2 2024-25 Performance Report"
    doc = _new_docx(title, F.REPORT_DATE, F.FICTIONAL_NOTICE)
    rows = kpi_report_rows()
    counts = {r: sum(1 for row in rows if row[5] == r) for r in ("Green", "Amber", "Red")}

    doc.add_heading(f"{F.HOME_NAME}: {title}", level=0)
    doc.add_paragraph(F.FICTIONAL_NOTICE + ". Every figure in this report is invented.")
    doc.add_paragraph(f"Report to Cabinet and Overview and Scrutiny Committee, {_long_date(F.REPORT_DATE)}. "
                      f"Report of: {F.PEOPLE['finance_director']}. "
                      f"Cabinet Member: {F.PEOPLE['finance_member']}.")

    doc.add_heading("1. Purpose", level=1)
    doc.add_paragraph("This report sets out performance against the Council Plan 2024-2028 key performance "
                      f"indicators. Quarterly indicators are shown for {F.LATEST_QUARTER}; indicators reported "
                      f"once a year are shown for the {F.LATEST_ANNUAL} outturn.")

    doc.add_heading("2. Summary", level=1)
    doc.add_paragraph(f"Of {len(rows)} indicators, {counts['Green']} are green, {counts['Amber']} amber and "
                      f"{counts['Red']} red. A rating is green when the target is met, amber when performance "
                      f"is within {F.AMBER_TOLERANCE:.0%} of the target and red otherwise.")

    doc.add_heading("3. Key performance indicators", level=1)
    table = doc.add_table(rows=1, cols=len(KPI_COLUMNS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, KPI_COLUMNS, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row[1:], strict=True):
            cell.text = text

    doc.add_heading("4. Exceptions", level=1)
    doc.add_paragraph("Each indicator rated red or amber is explained below with the action being taken.")
    for indicator_id, name, period, value, target, rating, commentary in rows:
        if rating == "Green":
            continue
        ind = F.INDICATORS_BY_ID[indicator_id]
        if not ind.action:
            raise ValueError(f"{indicator_id} is {rating} in the report but facts.py gives no action")
        doc.add_heading(f"{name} ({rating})", level=2)
        doc.add_paragraph(f"Performance: {value} in {period} against a target of {target} "
                          f"({ind.unit}; {ind.polarity.replace('_', ' ')}).")
        doc.add_paragraph(f"Reason: {commentary}")
        doc.add_paragraph(f"Action: {ind.action}")

    doc.add_heading("5. Data notes", level=1)
    for ind in F.INDICATORS:
        for period, note in ind.notes.items():
            doc.add_paragraph(f"{ind.name}, {period}: {note}", style="List Bullet")
    doc.add_paragraph("Working days lost to sickness absence are a rolling 12-month figure in quarterly "
                      "reports.", style="List Bullet")
    dfg = F.INDICATORS_BY_ID["dfg_within_26_weeks"].quarters[-1]
    doc.add_paragraph(f"Disabled facilities grants: {dfg.numerator} of {dfg.denominator} completed within 26 "
                      f"weeks in {dfg.period}. With so few cases, one grant moves the rate by more than 10 "
                      "percentage points.", style="List Bullet")
    return _docx_bytes(doc)


def restricted_report_docx() -> bytes:
    """The exempt (Part 2) Cabinet report holding the pack's one restricted fact."""
    title = "Project Kestrel: disposal of surplus depot land"
    header = f"EXEMPT - NOT FOR PUBLICATION - {F.FICTIONAL_NOTICE}"
    doc = _new_docx(title, F.RESTRICTED_DATE, header)
    doc.add_heading(f"Cabinet, {_long_date(F.RESTRICTED_DATE)} - Part 2 (exempt) report: {title}", level=0)
    doc.add_paragraph(F.FICTIONAL_NOTICE + ". The site, the buyer and the price are invented.")
    doc.add_paragraph("RESTRICTED. Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to "
                      "the Local Government Act 1972: information relating to the financial or business "
                      "affairs of any particular person (including the authority holding that information).")
    doc.add_heading("1. Purpose", level=1)
    doc.add_paragraph(f"This report seeks Cabinet approval for {F.RESTRICTED_SENTENCE}. The disposal is "
                      "referred to as Project Kestrel while negotiations continue.")
    doc.add_heading("2. Background", level=1)
    doc.add_paragraph("The refuse and recycling fleet moved to the new Northbridge Eco Depot in 2023. The "
                      "Harrow Lane site (1.6 hectares) has been vacant since then and costs the council about "
                      "£95,000 a year in security, rates and maintenance.")
    doc.add_heading("3. Offer and valuation", level=1)
    doc.add_paragraph("Kestrel Land Partners offered £3.85 million, unconditional, with completion by 31 March "
                      "2025. An independent valuation put the site's market value at £3.6 million to £3.9 "
                      "million, so the offer meets the duty to obtain the best consideration reasonably "
                      "obtainable under section 123 of the Local Government Act 1972.")
    doc.add_heading("4. Options considered", level=1)
    for option in ("Sell to Kestrel Land Partners on the terms offered (recommended).",
                   "Market the site openly: likely a higher headline price but a conditional sale and a delay "
                   "of 12 to 18 months.",
                   "Retain the site for council housing: no capital budget is available before 2027."):
        doc.add_paragraph(option, style="List Number")
    doc.add_heading("5. Financial implications", level=1)
    doc.add_paragraph("The capital receipt would be used to repay borrowing for the Eco Depot, saving about "
                      "£180,000 a year in interest and contributing to the Medium Term Financial Strategy.")
    doc.add_heading("6. Recommendation", level=1)
    doc.add_paragraph(f"That Cabinet approves {F.RESTRICTED_SENTENCE}, and delegates completion of the sale "
                      "to the Director of Finance in consultation with the Leader.")
    return _docx_bytes(doc)


# ---------------------------------------------------------------------------------------------------------
# Minutes and audit letter (text formats)

def _v(indicator_id: str, period: str) -> str:
    return _shown(indicator_id, F.home_value(indicator_id, period))


def _rag_of(indicator_id: str, period: str) -> str:
    ind = F.INDICATORS_BY_ID[indicator_id]
    return F.rag(F.home_value(indicator_id, period), F.home_target(indicator_id, period), ind.polarity)


def cabinet_minutes_html() -> bytes:
    """Cabinet minutes of July 2024: outturn, the peer challenge action plan, the budget, an exempt item."""
    year = F.LATEST_ANNUAL
    recs = {r.number: r for r in F.peer_recommendations()}
    rec4 = F.RECYCLING_RECOMMENDATION
    e = html.escape

    def p(text: str) -> str:
        return f"<p>{e(text)}</p>"

    outturn = ["household_recycling_rate", "council_tax_collection", "temporary_accommodation_per_1000",
               "sickness_absence_days", "planning_major_in_time"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>Cabinet minutes - {_long_date(F.CABINET_DATE)} - {e(F.HOME_NAME)} (fictional)</title>",
        "</head>",
        "<body>",
        f'<p class="notice"><strong>{e(F.FICTIONAL_NOTICE)}</strong></p>',
        f"<h1>{e(F.HOME_NAME)} - Cabinet - Minutes of the meeting held on {_long_date(F.CABINET_DATE)}</h1>",
        p(f"Present: {F.PEOPLE['leader']} , {F.PEOPLE['environment']}, "
          f"{F.PEOPLE['housing_member']}, {F.PEOPLE['finance_member']}."),
        p(f"Also present: {F.PEOPLE['os_member_1']} and {F.PEOPLE['os_member_2']} (non-executive members)."),
        p(f"Officers: {F.PEOPLE['chief_exec']}, {F.PEOPLE['finance_director']}, {F.PEOPLE['head_env']}, "
          f"{F.PEOPLE['head_housing']}."),
        "<h2>1. Apologies for absence</h2>",
        p("There were no apologies."),
        "<h2>2. Declarations of interest</h2>",
        p("No interests were declared."),
        f"<h2>3. Performance outturn {year}</h2>",
        p(f"The Director of Finance presented the {year} outturn for the Council Plan indicators:"),
        "<ul>",
        *[f"<li>{e(F.INDICATORS_BY_ID[i].name)}: {e(_v(i, year))} against a target of "
          f"{e(_shown(i, F.home_target(i, year)))} ({_rag_of(i, year)}).</li>" for i in outturn],
        "</ul>",
        "<h3>Members' questions</h3>",
        p(f"{F.PEOPLE['os_member_1']} asked why household recycling had fallen every year since 2018-19 and "
          f"was now {_v('household_recycling_rate', year)}, when the new Council Plan committed to 50% by "
          "2026-27."),
        p(f"{F.PEOPLE['environment']} replied that contamination of recycling and the garden waste charge "
          "introduced in 2021 had both reduced tonnages. She promised that a recycling recovery plan, as "
          f"asked for by Recommendation {rec4} of the 2023 Corporate Peer Challenge, would be brought to "
          f"Cabinet by {F.RECOVERY_PLAN_PROMISED_BY}."),
        p(f"{F.PEOPLE['os_member_2']} asked whether a green rating for council tax collection "
          f"({_v('council_tax_collection', year)}) meant performance was good. The Director of Finance said the "
          "target was met; she would consider adding comparisons with similar councils to future reports."),
        "<h3>Resolution</h3>",
        p(f"RESOLVED: (a) that the {year} performance outturn be noted; (b) that the Head of Environmental "
          f"Services bring a recycling recovery plan to Cabinet by {F.RECOVERY_PLAN_PROMISED_BY}."),
        "<h2>4. Corporate Peer Challenge 2023: action plan</h2>",
        p(f"The Chief Executive presented the council's action plan in response to the nine recommendations "
          f"of the Corporate Peer Challenge held {F.PEER_CHALLENGE_VISIT}."),
        "<table>",
        "<thead><tr><th>Recommendation</th><th>Summary</th><th>Owner</th><th>Due</th></tr></thead>",
        "<tbody>",
        *[f"<tr><td>{n}</td><td>{e(recs[n].text)}</td><td>{e(owner)}</td><td>{e(due)}</td></tr>"
          for n, (owner, due) in F.ACTION_PLAN.items()],
        "</tbody>",
        "</table>",
        "<h3>Resolution</h3>",
        p("RESOLVED: that the action plan be approved and that progress be reported to Overview and Scrutiny "
          "Committee every six months."),
        "<h2>5. Medium Term Financial Strategy update</h2>",
        p(f"The Cabinet Member for Finance and Resources reported a forecast budget gap of {F.MTFS_GAP} by "
          "2026-27, of which savings of £1.3 million had been identified. The net cost of waste collection "
          f"had risen to {_v('waste_collection_cost_per_household', year)} per household in {year}."),
        "<h3>Resolution</h3>",
        p("RESOLVED: that officers develop savings proposals for the remaining gap for the February 2025 "
          "budget."),
        "<h2>6. Exclusion of the press and public</h2>",
        p("RESOLVED: that under section 100A(4) of the Local Government Act 1972 the press and public be "
          "excluded for item 7 on the grounds that it involves the likely disclosure of exempt information as "
          "defined in paragraph 3 of Part 1 of Schedule 12A to the Act."),
        "<h2>7. Surplus operational land (exempt)</h2>",
        p("Cabinet considered an exempt report on options for surplus operational land. The discussion and "
          "decision are recorded in the exempt minute."),
        p(F.FICTIONAL_NOTICE + "."),
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts).encode("utf-8")


def scrutiny_minutes_md() -> bytes:
    """Overview and Scrutiny minutes of September 2024: questions, answers, promises, resolutions."""
    q1 = F.QUARTER_PERIODS[0]
    year = F.LATEST_ANNUAL
    rec4 = F.RECYCLING_RECOMMENDATION
    next_meeting = "19 November 2024"
    dfg_q1 = F.INDICATORS_BY_ID["dfg_within_26_weeks"].quarters[0]
    lines = [
        f"# {F.HOME_NAME} - Overview and Scrutiny Committee - Minutes",
        "",
        f"**{F.FICTIONAL_NOTICE}.**",
        "",
        f"Meeting held on {_long_date(F.SCRUTINY_DATE)} at the Civic Centre, Northbridge.",
        "",
        f"Present: {F.PEOPLE['os_chair']} , {F.PEOPLE['os_member_1']}, "
        f"{F.PEOPLE['os_member_2']}, {F.PEOPLE['os_member_3']}.",
        "",
        f"Also present: {F.PEOPLE['environment']}, {F.PEOPLE['finance_member']}.",
        "",
        f"Officers: {F.PEOPLE['finance_director']}, {F.PEOPLE['head_env']}, {F.PEOPLE['head_housing']}, "
        f"{F.PEOPLE['head_hr']}, {F.PEOPLE['scrutiny_officer']}.",
        "",
        "## 1. Apologies for absence",
        "",
        "There were no apologies.",
        "",
        "## 2. Declarations of interest",
        "",
        "None.",
        "",
        "## 3. Minutes of the previous meeting",
        "",
        "The minutes of the meeting held on 9 July 2024 were agreed as a correct record.",
        "",
        f"## 4. Quarter 1 {q1[:7]} performance report",
        "",
        f"The Director of Finance introduced the {q1} performance report. Household recycling was "
        f"{_v('household_recycling_rate', q1)} against a target of "
        f"{_shown('household_recycling_rate', F.home_target('household_recycling_rate', q1))}; households in "
        f"temporary accommodation were {_v('temporary_accommodation_per_1000', q1)}; sickness "
        f"absence was {_v('sickness_absence_days', q1)} (rolling 12 months).",
        "",
        "### Members' questions and officers' answers",
        "",
        f"**Question from {F.PEOPLE['os_member_1']}:** Why has household recycling fallen every year since "
        f"2018-19, to {_v('household_recycling_rate', year)} in {year} and {_v('household_recycling_rate', q1)} "
        f"in {q1}, when the Council Plan commits to 50% by 2026-27?",
        "",
        f"**Answer from {F.PEOPLE['head_env']}:** Contamination rejections at the materials recovery facility "
        "had doubled since 2020, and the garden waste subscription charge introduced in 2021 had reduced "
        "composting tonnage. He undertook to bring an options appraisal to the Committee.",
        "",
        f"**Question from {F.PEOPLE['os_member_2']}:** What progress has been made on the recycling recovery plan "
        f"that the council promised in response to Recommendation {rec4} of the 2023 Corporate Peer "
        f"Challenge? In July Cabinet was told it would be ready by {F.RECOVERY_PLAN_PROMISED_BY}.",
        "",
        f"**Answer from {F.PEOPLE['environment']}:** There is no update yet. The recovery plan has not been "
        "drafted, because officers have been negotiating the extension of the waste collection contract. "
        "She could not give a new date.",
        "",
        f"**Question from {F.PEOPLE['os_chair']}:** Council tax collection was rated green at "
        f"{_v('council_tax_collection', year)} in {year}. How does that compare with similar councils?",
        "",
        f"**Answer from {F.PEOPLE['finance_director']}:** The target is based on the council's own past "
        "performance. She did not have comparisons with the nearest neighbour group to hand and would "
        "circulate them before the next meeting.",
        "",
        f"**Question from {F.PEOPLE['os_member_3']}:** What is driving the continued rise in temporary "
        f"accommodation, now {_v('temporary_accommodation_per_1000', q1)}, and which residents are "
        "most affected?",
        "",
        f"**Answer from {F.PEOPLE['head_housing']}:** Evictions from the private rented sector and a shortage of "
        "move-on homes. Families with children are most affected. A reduction plan with registered providers "
        "will go to Cabinet in January 2025.",
        "",
        f"**Question from {F.PEOPLE['os_member_1']}:** Sickness absence has fallen three years running. What made "
        "the improvement possible, and how will it be sustained?",
        "",
        f"**Answer from {F.PEOPLE['head_hr']}:** The wellbeing programme, training for managers and faster "
        "access to occupational health. The programme is funded to 2026.",
        "",
        f"**Question from {F.PEOPLE['os_member_2']}:** Disabled facilities grants were "
        f"{_v('dfg_within_26_weeks', q1)} within 26 weeks in {q1}. How many cases is that?",
        "",
        f"**Answer from {F.PEOPLE['head_housing']}:** {dfg_q1.numerator} of {dfg_q1.denominator} grants; the "
        "percentage moves sharply with one or two cases.",
        "",
        "### Promises made",
        "",
        f"- {F.PEOPLE['head_env']}: options appraisal for recycling to the Committee.",
        f"- {F.PEOPLE['finance_director']}: nearest neighbour comparison for council tax collection before "
        "the next meeting.",
        f"- {F.PEOPLE['head_housing']}: temporary accommodation reduction plan to Cabinet in January 2025.",
        "",
        "### Resolutions",
        "",
        "RESOLVED that:",
        "",
        "1. the Quarter 1 performance report be noted;",
        f"2. the Committee records its concern that there is no update on the recycling recovery plan "
        f"(Peer Challenge Recommendation {rec4}) and asks the Cabinet Member for Environment and Waste to "
        f"present the plan to its meeting on {next_meeting};",
        "3. future performance reports show comparisons with the nearest neighbour group, starting with "
        "council tax collection.",
        "",
        "## 5. Corporate Peer Challenge action plan: progress",
        "",
        f"{F.PEOPLE['scrutiny_officer']} presented the first six-monthly progress report on the action plan.",
        "",
        "| Recommendation | Owner | Due | Status |",
        "|---|---|---|---|",
        *[f"| {n} | {owner} | {due} | {F.ACTION_PLAN_PROGRESS[n]} |" for n, (owner, due) in F.ACTION_PLAN.items()],
        "",
        f"Members noted that Recommendation {rec4} (recycling recovery plan) shows no progress.",
        "",
        "## 6. Work programme",
        "",
        f"RESOLVED that the recycling recovery plan and the council tax benchmarking be added to the agenda "
        f"for {next_meeting}.",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def audit_letter_md() -> bytes:
    """The external auditor's annual report for 2023-24: opinion, value for money, recommendations."""
    year = F.LATEST_ANNUAL
    lines = [
        f"# {F.HOME_NAME} - Annual Auditor's Report {year}",
        "",
        f"**{F.FICTIONAL_NOTICE}.**",
        "",
        f"Issued by {F.AUDIT_FIRM} on {_long_date(F.AUDIT_DATE)} to the Audit and Governance Committee.",
        "",
        "## 1. Opinion on the financial statements",
        "",
        f"We issued an unqualified opinion on the council's {year} financial statements.",
        "",
        "## 2. Value for money arrangements",
        "",
        "### Financial sustainability",
        "",
        f"Significant weakness. The Medium Term Financial Strategy forecasts a gap of {F.MTFS_GAP} by "
        "2026-27; savings of £1.3 million have been identified and the remainder has no delivery plan.",
        "",
        "### Governance",
        "",
        "No significant weakness. Overview and scrutiny does not yet track the implementation of external "
        "recommendations systematically, and a high share of decisions are taken as exempt items.",
        "",
        "### Improving economy, efficiency and effectiveness",
        "",
        "No significant weakness, with improvement recommendations. The net cost of waste collection rose to "
        f"{_v('waste_collection_cost_per_household', year)} per household in {year} while household recycling "
        f"fell to {_v('household_recycling_rate', year)}. Performance reports do not compare the council with "
        "similar councils.",
        "",
        "## 3. Recommendations",
        "",
        "1. Key recommendation: agree a savings plan that closes the budget gap by 2026-27 and report "
        "delivery to the Audit and Governance Committee quarterly.",
        "2. Improvement recommendation: report performance against nearest neighbours as well as local targets.",
        "3. Improvement recommendation: ask Overview and Scrutiny Committee to track progress on peer challenge "
        "and audit recommendations.",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


# ---------------------------------------------------------------------------------------------------------
# Manifest and build

def manifest() -> dict[str, list[dict[str, object]]]:
    """documents/manifest.yaml: per-file metadata the ingester reads."""
    council = F.HOME_NAME

    def entry(path: str, doc_type: str, title: str, when: date, classification: str = "public") -> dict:
        return {"file": path.removeprefix("documents/"), "type": doc_type, "title": title, "date": when,
                "council": council, "classification": classification}

    return {"documents": [
        entry(PLAN_FILE, "plan", F.PLAN_TITLE, F.PLAN_DATE),
        entry(REPORT_FILE, "performance_report", "Quarter 2 2024-25 Performance Report", F.REPORT_DATE),
        entry(PEER_FILE, "peer_challenge", F.PEER_CHALLENGE_TITLE, F.PEER_CHALLENGE_DATE),
        entry(SCRUTINY_FILE, "minutes", "Overview and Scrutiny Committee minutes, 24 September 2024",
              F.SCRUTINY_DATE),
        entry(CABINET_FILE, "minutes", "Cabinet minutes, 16 July 2024", F.CABINET_DATE),
        entry(AUDIT_FILE, "audit", f"Annual Auditor's Report {F.LATEST_ANNUAL}", F.AUDIT_DATE),
        # The title stays generic: document lists may show it where the content may not be used.
        entry(RESTRICTED_FILE, "other", "Exempt report to Cabinet: disposal of surplus depot land (Part 2)",
              F.RESTRICTED_DATE, "restricted"),
    ]}


def build_files() -> dict[str, bytes]:
    """Every generated file of the pack, by path relative to the pack directory."""
    import yaml

    manifest_text = "# " + F.FICTIONAL_NOTICE + ". Generated by bot.sample_pack.generate.\n" + yaml.safe_dump(
        manifest(), sort_keys=False, allow_unicode=True, width=120)
    return {
        PLAN_FILE: council_plan_pdf(),
        REPORT_FILE: performance_report_docx(),
        PEER_FILE: peer_challenge_pdf(),
        SCRUTINY_FILE: scrutiny_minutes_md(),
        CABINET_FILE: cabinet_minutes_html(),
        AUDIT_FILE: audit_letter_md(),
        RESTRICTED_FILE: restricted_report_docx(),
        MANIFEST_FILE: manifest_text.encode("utf-8"),
        INDICATORS_FILE: _csv_bytes(TIDY_COLUMNS, indicator_rows()),
        META_FILE: _csv_bytes(META_COLUMNS, meta_rows()),
        GROUPS_FILE: _csv_bytes(("area_code", "group", "member_code"), group_rows()),
    }


def build_pack(out_dir: Path = PACK_DIR) -> list[Path]:
    """Write the whole pack under `out_dir` (default: in place in the package); return the paths written."""
    files = build_files()  # everything is built before anything is written
    written = []
    for relative, data in files.items():
        path = out_dir / relative
        _write(path, data)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry: rebuild the pack in place, or under the directory given."""
    args = list(sys.argv[1:] if argv is None else argv)
    out_dir = Path(args[0]) if args else PACK_DIR
    for path in build_pack(out_dir):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
