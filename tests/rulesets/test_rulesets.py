"""The bundled rulesets are faithful to their sources: verbatim quotes, complete indexes."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from legalrules import Engine

from ..conftest import ROOT

ENGINE = Engine()
# CI clones the project with shared/ beside it; elsewhere point LEGALRULES_SHARED at it.
SHARED = Path(os.environ.get("LEGALRULES_SHARED", ROOT.parent / "shared"))
WITH_RULES = [r for r in ENGINE.all_rulesets if r.rules or r.deadlines]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("ruleset", WITH_RULES, ids=lambda r: r.id)
def test_every_quote_is_verbatim_in_the_source(ruleset) -> None:  # type: ignore[no-untyped-def]
    """Each quote of a rule, parameter, deadline, extension or exception is word for word in the source."""
    source_path = SHARED / ruleset.instrument.source.removeprefix("shared/")
    if not source_path.is_file():
        pytest.skip(f"the shared sources are not at {source_path}; set LEGALRULES_SHARED")
    source = _flat(source_path.read_text(encoding="utf-8"))
    quotes = {rule.id: rule.quote for rule in ruleset.rules}
    quotes |= {f"parameter {name}": p.quote for name, p in ruleset.parameters.items()}
    for deadline in ruleset.deadlines:
        where = f"deadline {deadline.id} {deadline.spec.duty}"
        quotes[where] = deadline.spec.quote
        quotes |= {f"{where} extension {e.option.basis}": e.option.quote for e in deadline.extensions}
        quotes |= {f"{where} exception {x.spec.title}": x.spec.quote for x in deadline.exceptions}
    missing = {where: quote for where, quote in quotes.items() if _flat(quote) not in source}
    assert missing == {}


@pytest.mark.parametrize("ruleset", WITH_RULES, ids=lambda r: r.id)
def test_the_article_index_accounts_for_every_article(ruleset) -> None:  # type: ignore[no-untyped-def]
    """Articles 1..N are all listed, singly or in a range, and the out-of-scope ones say why."""
    index = ruleset.articles
    assert index is not None
    assert [n for n in range(1, index.article_count + 1) if index.status_of(n) is None] == []
    assert all(1 <= n <= index.article_count for n in index.articles)
    for number, entry in index.articles.items():
        if entry.status == "out_of_scope":
            assert entry.reason, number
    assert all(item.reason for item in index.ranges)


def test_av_2014_covers_the_articles_the_engine_issue_names() -> None:
    """Arts. 3-6, 10, 14, 15, 17, 19, 22, 23, 25, 26 are encoded; Art. 27 is the effective date."""
    index = ENGINE.ruleset("av_2014").articles
    assert index is not None and index.article_count == 27
    for number in (3, 4, 5, 6, 10, 14, 15, 17, 19, 22, 23, 25, 26, 27):
        assert index.articles[number].status == "encoded", number
    assert ENGINE.ruleset("av_2014").instrument.effective_from.isoformat() == "2014-10-01"


def test_the_rulesets_record_their_effective_windows() -> None:
    """crim_proc from 2018-10-26; procuratorate_1999 from 1999-01-18 to 2012-12-31."""
    crim = ENGINE.ruleset("crim_proc").instrument
    spp = ENGINE.ruleset("procuratorate_1999").instrument
    assert (crim.effective_from.isoformat(), crim.effective_until) == ("2018-10-26", None)
    assert (spp.effective_from.isoformat(), spp.effective_until.isoformat() if spp.effective_until else None) == (
        "1999-01-18", "2012-12-31")


def test_rule_files_mirror_the_chapters() -> None:
    """av_2014 has one rule file per chapter, named by its number."""
    files = ENGINE.ruleset("av_2014").instrument.rule_files
    assert [Path(f).name.split("_")[0] for f in files] == ["ch1", "ch2", "ch3", "ch4", "ch5"]
