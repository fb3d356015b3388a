"""Golden tests: the parsed and enriched records of both seeds, compared with committed JSON.

After an intended change (parser, states, topics), regenerate on purpose and review the diff:
    UNDOCS_REGEN_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def records(document) -> str:
    return json.dumps(dataclasses.asdict(document), ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("doc_id", ["a-67-131", "cd-2012-kazakhstan-otsc"])
def test_parsed_records_match_golden(corpus, doc_id):
    document = next(d for d in corpus.documents if d.id == doc_id)
    path = GOLDEN / f"{doc_id}.json"
    actual = records(document)
    if os.environ.get("UNDOCS_REGEN_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs: regenerate on purpose if the change is intended"
