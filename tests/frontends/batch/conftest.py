"""Fixtures of the batch tests: a JSONL of real example cases (two of them broken) and a shared runner."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from legalrules.frontends.batch import BatchJob

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
AS_OF = datetime.fromisoformat("2025-10-20T10:00:00+08:00")
BAD_LINE = '{"case": {"id": "B1"}, "suspect": {"birth_date": "1990-02-30"}}'
TORN_LINE = '{"case": {"id": "B2"'


def example_documents() -> list[dict[str, object]]:
    """Every example case as a plain JSON-ready mapping."""
    return [json.loads(json.dumps(yaml.safe_load(p.read_text(encoding="utf-8")), default=str)) for p in EXAMPLES]


def write_cases(path: Path, copies: int = 3, broken: bool = True) -> Path:
    """A JSONL file: the examples `copies` times over (ids made unique), a bad case and a torn line among them."""
    lines = []
    for n in range(copies):
        for document in example_documents():
            case = dict(document["case"])  # type: ignore[arg-type]
            case["id"] = f"{case['id']}#{n}"
            lines.append(json.dumps({**document, "case": case}, ensure_ascii=False))
    if broken:
        lines.insert(3, BAD_LINE)
        lines.insert(7, TORN_LINE)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def cases_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared input: the examples three times, with a bad case at line 4 and a torn line at line 8."""
    return write_cases(tmp_path_factory.mktemp("batch-input") / "cases.jsonl")


@pytest.fixture(scope="session")
def job() -> BatchJob:
    """Every run of the tests answers as of the same instant."""
    return BatchJob(as_of=AS_OF, engine="both")
