"""The committed sample pack's documents open, are marked fictional, and agree with its CSV data."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from docx import Document
from pypdf import PdfReader

from bot.sample_pack import DATA_DIR, DOCUMENTS_DIR, MANIFEST, PACK_DIR
from bot.sample_pack.facts import FICTIONAL_MARKER, HOME_CODE, RESTRICTED_FACT, RESTRICTED_PHRASES

PLAN = DOCUMENTS_DIR / "northbridge-council-plan-2024-2028.pdf"
PEER = DOCUMENTS_DIR / "northbridge-corporate-peer-challenge-2023.pdf"
REPORT = DOCUMENTS_DIR / "northbridge-q2-2024-25-performance-report.docx"
SCRUTINY = DOCUMENTS_DIR / "northbridge-overview-scrutiny-minutes-2024-09.md"
CABINET = DOCUMENTS_DIR / "northbridge-cabinet-minutes-2024-07.html"
KPI_HEADER = ["Indicator", "Period", "Value", "Target", "RAG", "Commentary"]
# DESIGN.md's `ingest --type` and `--classification` values.
DOC_TYPES = {"plan", "performance_report", "peer_challenge", "minutes", "audit", "other"}
CLASSIFICATIONS = {"public", "restricted"}
THEMES = ["Local priorities and outcomes", "Organisational and place leadership", "Governance and culture",
          "Financial planning and management", "Capacity for improvement"]


def document_text(path: Path) -> str:
    """All the text a loader could see in one pack document, whatever its format."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if suffix == ".docx":
        doc = Document(str(path))
        parts = [p.text for p in doc.paragraphs]
        parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        parts += [p.text for section in doc.sections for p in section.header.paragraphs]
        return "\n".join(parts)
    if suffix in (".html", ".htm"):
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text("\n")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def manifest() -> list[dict]:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["documents"]


@pytest.fixture(scope="module")
def home_rows() -> dict[tuple[str, str], dict[str, str]]:
    with (DATA_DIR / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        return {(r["indicator_id"], r["period"]): r for r in csv.DictReader(handle) if r["area_code"] == HOME_CODE}


@pytest.fixture(scope="module")
def texts(manifest: list[dict]) -> dict[str, str]:
    return {entry["file"]: document_text(DOCUMENTS_DIR / entry["file"]) for entry in manifest}


def kpi_table(path: Path) -> list[dict[str, str]]:
    """Rows of the Word table whose header is the KPI header, as dicts."""
    for table in Document(str(path)).tables:
        header = [c.text.strip() for c in table.rows[0].cells]
        if header == KPI_HEADER:
            return [dict(zip(header, (c.text.strip() for c in row.cells), strict=True)) for row in table.rows[1:]]
    raise AssertionError(f"no table with header {KPI_HEADER} in {path.name}")


def expected_rag(value: float, target: float, polarity: str) -> str:
    # Independent of facts.rag: green when met, amber within 5% of target, red beyond.
    gap = (value - target) / target if polarity == "higher_is_better" else (target - value) / target
    return "Green" if gap >= 0 else "Amber" if gap >= -0.05 else "Red"


def test_manifest_lists_every_document_with_valid_metadata(manifest: list[dict]) -> None:
    on_disk = {p.relative_to(DOCUMENTS_DIR).as_posix() for p in DOCUMENTS_DIR.rglob("*")
               if p.is_file() and p.name != "manifest.yaml"}
    assert {e["file"] for e in manifest} == on_disk
    for entry in manifest:
        assert set(entry) >= {"file", "type", "title", "date", "council", "classification"}
        assert entry["type"] in DOC_TYPES
        assert entry["classification"] in CLASSIFICATIONS
        assert isinstance(entry["date"], date)
        assert entry["council"] == "Northbridge District Council"
    restricted = [e["file"] for e in manifest if e["classification"] == "restricted"]
    assert restricted == ["restricted/northbridge-exempt-depot-disposal-report.docx"]
    assert {e["type"] for e in manifest} >= {"plan", "performance_report", "peer_challenge", "minutes", "audit"}


def test_plan_pdf_has_a_heading_on_every_page_and_numbered_commitments() -> None:
    pages = [page.extract_text() for page in PdfReader(PLAN).pages]
    assert len(pages) >= 4
    for number in range(1, 5):
        assert sum(f"Priority {number}:" in text for text in pages[1:]) == 1, f"Priority {number} page"
    text = "\n".join(pages)
    assert "Priority 1: A cleaner, greener Northbridge" in text
    assert "Commitment 1.2: Raise household recycling to 50% by 2026-27" in text
    assert len(set(re.findall(r"Commitment (\d\.\d):", text))) >= 12
    for page in pages:
        assert "Northbridge Council Plan 2024-2028" in page


def test_plan_baselines_are_the_csv_values(home_rows: dict) -> None:
    text = " ".join(page.extract_text() for page in PdfReader(PLAN).pages)
    text = re.sub(r"\s+", " ", text)
    recycling = home_rows[("household_recycling_rate", "2022-23")]["value"]
    council_tax = home_rows[("council_tax_collection", "2022-23")]["value"]
    assert f"{recycling}% 50.0% 2026-27" in text
    assert f"{council_tax}% 97.0% 2027-28" in text


def test_peer_challenge_has_five_themes_and_numbered_recommendations() -> None:
    pages = [page.extract_text() for page in PdfReader(PEER).pages]
    assert len(pages) >= 4
    text = "\n".join(pages)
    assert "Executive summary" in text
    for theme in THEMES:
        assert any(re.search(rf"^3\.\d {re.escape(theme)}$", page, re.M) for page in pages), theme
    numbers = [int(n) for n in re.findall(r"^Recommendation (\d+):", text, re.M)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 5


def test_recycling_recommendation_quotes_the_worsening_csv_series(home_rows: dict) -> None:
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(PEER).pages))
    rec4 = re.search(r"Recommendation 4: (.*?)(?=Recommendation 5:)", text)
    assert rec4 is not None
    first = home_rows[("household_recycling_rate", "2018-19")]["value"]
    seen = home_rows[("household_recycling_rate", "2022-23")]["value"]
    assert "recovery plan for household waste recycling" in rec4.group(1)
    assert f"from {first}% in 2018-19 to {seen}% in 2022-23" in rec4.group(1)
    assert float(seen) < float(first)


def test_peer_challenge_council_tax_finding_matches_the_neighbour_data() -> None:
    with (DATA_DIR / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle)
                if r["indicator_id"] == "council_tax_collection" and r["period"] == "2022-23"]
    home = next(float(r["value"]) for r in rows if r["area_code"] == HOME_CODE)
    above = sum(float(r["value"]) > home for r in rows if r["area_code"] != HOME_CODE)
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(PEER).pages))
    said = "all" if above == 15 else str(above)
    assert f"Council tax collection ({home:.1f}% in 2022-23)" in text
    assert f"yet {said} of the other 15 councils in its nearest neighbour group collected more" in text


def test_every_kpi_row_in_the_report_equals_the_csv(home_rows: dict) -> None:
    rows = kpi_table(REPORT)
    with (DATA_DIR / "indicator_meta.csv").open(encoding="utf-8", newline="") as handle:
        ids = {r["name"]: r["indicator_id"] for r in csv.DictReader(handle)}
    assert len(rows) >= 15
    periods = {row["Period"] for row in rows}
    assert periods == {"2024-25 Q2", "2023-24"}
    for row in rows:
        csv_row = home_rows[(ids[row["Indicator"]], row["Period"])]
        assert float(row["Value"]) == float(csv_row["value"]), row["Indicator"]
        assert row["Value"] == csv_row["value"], "printed with the CSV's precision"
        assert float(row["Target"]) == float(csv_row["target"]), row["Indicator"]
        assert row["RAG"] == expected_rag(float(row["Value"]), float(row["Target"]), csv_row["polarity"])
        assert row["Commentary"]
    assert {row["RAG"] for row in rows} == {"Green", "Amber", "Red"}


def test_report_exceptions_explain_every_red_and_amber_indicator() -> None:
    doc = Document(str(REPORT))
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name.startswith("Heading") and "Exceptions" in p.text)
    end = next(i for i, p in enumerate(paragraphs[start + 1:], start + 1) if p.style.name == "Heading 1")
    section = paragraphs[start + 1:end]
    headings = {p.text for p in section if p.style.name == "Heading 2"}
    flagged = {f"{row['Indicator']} ({row['RAG']})" for row in kpi_table(REPORT) if row["RAG"] != "Green"}
    assert headings == flagged
    actions = [p.text for p in section if p.text.startswith("Action: ")]
    assert len(actions) == len(flagged)


def test_minutes_record_no_progress_on_the_recycling_recommendation() -> None:
    scrutiny = SCRUTINY.read_text(encoding="utf-8")
    assert re.search(r"^#+ ", scrutiny, re.M)
    assert "no update yet" in scrutiny.lower()
    assert "Recommendation 4" in scrutiny and "recycling recovery plan" in scrutiny
    assert "RESOLVED" in scrutiny
    soup = BeautifulSoup(CABINET.read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text() for h in soup.find_all(["h1", "h2", "h3"])]
    assert len(headings) >= 6
    cabinet = soup.get_text(" ")
    assert "recycling recovery plan" in cabinet and "Recommendation 4" in cabinet and "RESOLVED" in cabinet


def test_every_document_is_marked_fictional(texts: dict[str, str]) -> None:
    assert len(texts) >= 6
    for name, text in texts.items():
        assert FICTIONAL_MARKER in text, name
    for page in [*PdfReader(PLAN).pages, *PdfReader(PEER).pages]:
        assert FICTIONAL_MARKER in page.extract_text()


def test_restricted_fact_appears_only_in_the_restricted_document(texts: dict[str, str],
                                                                  manifest: list[dict]) -> None:
    restricted = {e["file"] for e in manifest if e["classification"] == "restricted"}
    for name, text in texts.items():
        if name in restricted:
            assert RESTRICTED_FACT in text and "Harrow Lane depot to Kestrel Land Partners" in text
            assert "Schedule 12A" in text and "paragraph 3" in text
        else:
            for phrase in RESTRICTED_PHRASES:
                assert phrase not in text, f"{phrase!r} leaked into {name}"
    elsewhere = [MANIFEST, PACK_DIR / "README.md", *DATA_DIR.glob("*.csv")]
    for path in elsewhere:
        content = path.read_text(encoding="utf-8")
        for phrase in RESTRICTED_PHRASES:
            assert phrase not in content, f"{phrase!r} leaked into {path.name}"


def test_no_document_carries_prompt_injection(texts: dict[str, str]) -> None:
    for name, text in texts.items():
        lowered = text.lower()
        for marker in ("do not follow", "ignore previous", "ignore all previous", "system prompt"):
            assert marker not in lowered, f"{marker!r} in {name}"


def test_pack_documents_are_small() -> None:
    total = sum(p.stat().st_size for p in DOCUMENTS_DIR.rglob("*") if p.is_file())
    assert 0 < total < 1_000_000
