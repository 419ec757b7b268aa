"""The procuratorate rules' counterparts: every encoded 1999 article has its 2012 and 2019 counterparts accounted for.

docs/procuratorate-counterparts.md names, for each article of procuratorate_1999
encoded in its Chapters 4-7, the counterpart article(s) in spp_2012 and spp_2019 or
a dash. These tests hold the table to the article indexes: a counterpart is encoded
or its index entry says why not, naming the 1999 article; a dash is explained in the
later ruleset's index; and no encoded 1999 article is left out of the table.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "docs" / "procuratorate-counterparts.md"
LATER = ("spp_2012", "spp_2019")
# 1999 Art(s). 125-126 / 146, 151, 152 / 37 items 3 and 7 (only the article numbers count)
_CITED_1999 = re.compile(r"1999 Arts?\.\s*(\d+(?:\s*(?:-|–|,|and)\s*\d+)*)")


def _index(ruleset: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "rulesets" / ruleset / "articles.yaml").read_text(encoding="utf-8"))
    return data


def _numbers(cell: str) -> list[int]:
    return [] if cell.strip() == "—" else [int(n) for n in re.findall(r"\d+", cell)]


def _rows() -> list[tuple[int, dict[str, list[int]], str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| Art\. (\d+) \|(.*)\|(.*)\|(.*)\|$", line)
        if match:
            rows.append((int(match[1]), {"spp_2012": _numbers(match[2]), "spp_2019": _numbers(match[3])}, match[4].strip()))
    return rows


def _cited_1999(text: str) -> set[int]:
    """The 1999 article numbers a text names, ranges expanded ("1999 Arts. 125-126" names both)."""
    cited: set[int] = set()
    for group in _CITED_1999.findall(text):
        for part in re.split(r"\s*(?:,|and)\s*", group):
            bounds = [int(n) for n in re.split(r"\s*[-–]\s*", part) if n]
            cited.update(range(bounds[0], bounds[-1] + 1))
    return cited


def _entry(index: dict[str, Any], article: int) -> dict[str, Any]:
    """The index entry for an article: its own, or the range that holds it."""
    if article in index["articles"]:
        entry: dict[str, Any] = index["articles"][article]
        return entry
    for span in index.get("ranges", []):
        if span["from"] <= article <= span["to"]:
            found: dict[str, Any] = span
            return found
    raise AssertionError(f"article {article} is not in the index")


ROWS = _rows()


def test_every_encoded_1999_article_of_chapters_4_to_7_is_in_the_table() -> None:
    """The 1999 rule files are Chapters 4-7 (Arts. 32-189); each article they encode has a row, and no row names another."""
    index = _index("procuratorate_1999")
    encoded = {n for n, e in index["articles"].items() if e["status"] == "encoded" and 32 <= n <= 189}
    in_table = [row[0] for row in ROWS]
    assert len(in_table) == len(set(in_table)), "an article has two rows"
    assert set(in_table) == encoded


@pytest.mark.parametrize("ruleset", LATER)
@pytest.mark.parametrize(("article_1999", "counterparts", "status"), ROWS, ids=[f"1999-art{r[0]}" for r in ROWS])
def test_each_counterpart_is_encoded_or_its_index_says_why_not(
    ruleset: str, article_1999: int, counterparts: dict[str, list[int]], status: str
) -> None:
    """A counterpart not encoded carries a reason naming the 1999 article; no counterpart is said in the index too."""
    index = _index(ruleset)
    named = counterparts[ruleset]
    if not named:
        assert article_1999 in _cited_1999(yaml.safe_dump(index, allow_unicode=True, width=10_000)), (
            f"{ruleset}'s index does not say that 1999 Art. {article_1999} has no counterpart")
        return
    entries = [_entry(index, n) for n in named]
    for n, entry in zip(named, entries):
        if entry["status"] != "encoded":
            assert article_1999 in _cited_1999(entry.get("reason", "")), (
                f"{ruleset} Art. {n} is {entry['status']} and its reason does not name 1999 Art. {article_1999}")
    if status.startswith("encoded in both"):
        assert any(e["status"] == "encoded" for e in entries), f"{ruleset}: none of {named} is encoded"


def test_the_citation_reader_expands_ranges_and_lists() -> None:
    """The reader of "1999 Art(s). ..." the tests above rely on."""
    assert _cited_1999("(1999 Arts. 146, 151, 152) and 1999 Arts. 125-126; 1999 Art. 37 items 3 and 7") == {
        146, 151, 152, 125, 126, 37}
