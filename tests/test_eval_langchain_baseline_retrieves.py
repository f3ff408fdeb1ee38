"""The benchmark's LangChain baseline indexes text files and returns Passages the hit rule can judge."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from baseline_langchain import LangChainBaseline  # noqa: E402


def test_baseline_finds_the_right_file_with_offsets_into_it(tmp_path: Path, st_embedder) -> None:
    from knowledge.evaluation import EvalQuestion, answer_spans, is_hit

    waste = tmp_path / "waste.txt"
    waste.write_text("Bins and recycling.\n\n" + "Household recycling rose to 48 per cent after the new "
                     "food waste collection started. " * 30, encoding="utf-8")
    parks = tmp_path / "parks.txt"
    parks.write_text("Parks.\n\n" + "The parks team planted two hundred trees along the river walk. " * 30,
                     encoding="utf-8")
    baseline = LangChainBaseline(st_embedder.model)
    baseline.ingest([waste, parks])
    assert baseline.chunks > 4  # RecursiveCharacterTextSplitter(1000, 200) split both files

    passages = baseline.search("How many trees were planted?", k=3)
    assert len(passages) == 3
    top = passages[0]
    assert top.doc_id == "parks.txt"
    assert parks.read_text(encoding="utf-8")[top.char_start:top.char_end] == top.text
    q = EvalQuestion(question="How many trees were planted?", doc="parks.txt", answer="two hundred trees")
    spans = {"parks.txt": answer_spans(parks.read_text(encoding="utf-8"), q.answer)}
    assert is_hit(top, q, spans)
    assert not is_hit(passages[0].model_copy(update={"path": str(waste), "doc_id": "waste.txt"}), q, spans)
