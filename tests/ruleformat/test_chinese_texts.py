"""The rulesets' own prose in Chinese: each interpretation, consequence of a miss and `otherwise`
has a `_zh` twin that an officer can read (Chinese, and free of internal names)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from legalrules import Engine
from legalrules.ruleformat.schema import DeadlineSpec, RuleSpec

RULESETS = Path(__file__).resolve().parents[2] / "rulesets"
FIELDS = ("interpretation", "if_missed", "otherwise")
CJK = re.compile(r"[\u4e00-\u9fff]")
RULE_ID = re.compile(r"\b[a-z_]+_\d{4}\.art\d|\bcrim_proc\.art\d")


def _texts(ruleset: str) -> list[tuple[str, str, str, str | None]]:
    """(file and id, field, English, Chinese) for every prose field of the ruleset's rules and deadlines."""
    out = []
    for path in sorted((RULESETS / ruleset).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        for section in ("rules", "deadlines"):
            for item in data.get(section) or []:
                out += [(f"{path.name} {item['id']}", field, item[field], item.get(f"{field}_zh"))
                        for field in FIELDS if item.get(field)]
    return out


def _internal_names() -> set[str]:
    """Names an officer never writes: conclusions, duties and parameters."""
    names: set[str] = set()
    for ruleset in Engine().all_rulesets:
        names |= {c.name for c in ruleset.conclusions} | set(ruleset.parameters)
        names |= {d.spec.duty for d in ruleset.deadlines}
    return names


@pytest.mark.parametrize("ruleset", sorted(p.name for p in RULESETS.iterdir() if p.is_dir()))
def test_every_text_of_the_ruleset_is_said_in_chinese_too(ruleset: str) -> None:
    texts = _texts(ruleset)
    assert texts, f"{ruleset} has no prose to check"
    missing = [f"{where} {field}" for where, field, _, zh in texts if zh is None]
    assert not missing, f"no Chinese twin for: {missing}"


@pytest.mark.parametrize("ruleset", sorted(p.name for p in RULESETS.iterdir() if p.is_dir()))
def test_the_chinese_texts_are_chinese_and_name_nothing_internal(ruleset: str) -> None:
    internal = _internal_names()
    for where, field, _, zh in _texts(ruleset):
        if zh is None:
            continue
        assert CJK.search(zh), f"{where} {field}_zh is not Chinese: {zh!r}"
        words = set(re.findall(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+", zh))
        assert not words & internal, f"{where} {field}_zh names {sorted(words & internal)}; say it in words"
        assert not RULE_ID.search(zh), f"{where} {field}_zh names a rule id; cite the article in Chinese"


def test_an_english_text_without_its_chinese_is_refused() -> None:
    rule = {"id": "x.art1", "title": "t", "citation": {"article": 1}, "quote": "q", "when": {},
            "then": [{"conclusion": "c", "reason": "r"}], "interpretation": "how it was read"}
    with pytest.raises(ValueError, match="interpretation is given without interpretation_zh"):
        RuleSpec.model_validate(rule)


def test_a_chinese_text_without_its_english_is_refused() -> None:
    rule = {"id": "x.art1", "title": "t", "citation": {"article": 1}, "quote": "q", "when": {},
            "then": [{"conclusion": "c", "reason": "r"}], "interpretation_zh": "解释"}
    with pytest.raises(ValueError, match="interpretation_zh is given without interpretation"):
        RuleSpec.model_validate(rule)
    deadline = {"id": "x.art1", "title": "t", "duty": "d", "citation": {"article": 1}, "quote": "q", "summary": "s",
                "anchor": {"measure": "detention"}, "period": "p", "custody": True, "met_by": [{"measure_end": True}],
                "if_missed_zh": "后果"}
    with pytest.raises(ValueError, match="if_missed_zh is given without if_missed"):
        DeadlineSpec.model_validate(deadline)
