"""The form clauses a notice cites beyond the decision are word for word in their article and paragraph."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from legalrules.documents.notices.law import CLAUSES, FormClause
from legalrules.documents.notices.words import chinese_number

from ..conftest import ROOT

SHARED = Path(os.environ.get("LEGALRULES_SHARED", ROOT.parent / "shared")) / "sources"


def _paragraphs(source: str, article: int) -> list[str]:
    """An article's paragraphs: its first line, then each further line that is not an item (（一）…)."""
    heading = f"第{chinese_number(article)}条 "
    lines = source.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    paragraphs = [lines[start].removeprefix(heading)]
    for line in lines[start + 1:]:
        if re.match(r"^(第[一二三四五六七八九十百零]+条 |#)", line):
            break
        if line.strip() and not line.startswith("（"):
            paragraphs.append(line.strip())
    return paragraphs


@pytest.mark.parametrize("key", sorted(CLAUSES))
def test_each_clause_is_verbatim_in_its_paragraph(key: str) -> None:
    """The quote sits in the cited paragraph (or anywhere in an article cited without one)."""
    clause: FormClause = CLAUSES[key]
    path = SHARED / clause.instrument.source
    if not path.is_file():
        pytest.skip(f"the shared sources are not at {path}; set LEGALRULES_SHARED")
    paragraphs = _paragraphs(path.read_text(encoding="utf-8"), clause.article)
    where = paragraphs if clause.paragraph is None else [paragraphs[clause.paragraph - 1]]
    assert any(clause.quote_zh in text for text in where), (key, where)
