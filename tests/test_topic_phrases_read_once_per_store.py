"""prompts/topics.yaml is parsed once per store, not on every question: an overview question read it three times
(15 ms each) and the overview's p95 latency rose from 122 to 183 ms."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.demo import PACK_DATA
from indicators.overview import find_service, service_phrases
from indicators.store import IndicatorStore


def test_topics_yaml_is_parsed_once_per_store(tmp_path: Path, monkeypatch) -> None:
    store = IndicatorStore(tmp_path / "home")
    store.import_file(PACK_DATA / "indicators.csv", fmt="tidy", meta=PACK_DATA / "indicator_meta.csv",
                      groups=PACK_DATA / "nearest_neighbours.csv", dataset="northbridge-sample")
    reads: list[int] = []
    load = yaml.safe_load

    def counting(stream):  # noqa: ANN001, ANN202
        reads.append(1)
        return load(stream)

    monkeypatch.setattr(yaml, "safe_load", counting)
    assert "recycling" in service_phrases(store, "Waste")
    first = len(reads)  # the services and their phrases, each read once
    for _ in range(3):
        assert "recycling" in service_phrases(store, "Waste")
        assert find_service(store, "how are we doing on bins?") == "Waste"
    assert first <= 2 and len(reads) == first
