"""The facts the rulesets' prose names (`circumstances.another_important_crime_discovered`)
are written whole and exist: a fact rules test, or a field of the case file."""

from __future__ import annotations

import re
from typing import Any

import pytest

from legalrules.case.model import CaseInfo, Circumstances, Interrogation, Interruption, Offence, Review, Suspect
from legalrules.ruleformat.catalog import fact_spec

from .test_chinese_texts import RULESETS, _texts

MODELS: dict[str, type[Any]] = {
    "case": CaseInfo, "suspect": Suspect, "circumstances": Circumstances, "interrogation": Interrogation,
    "interruption": Interruption, "offence": Offence, "review": Review,
}
# A prefix, a dot and a name, allowing the white space a folded YAML line leaves inside one.
NAMED = re.compile(r"\b(" + "|".join(MODELS) + r")(\s*)\.(\s*)([a-z][a-z0-9_]*)")


def _named_facts(text: str) -> list[tuple[str, str, str]]:
    """(as written, prefix, name) of each dotted fact name in `text`."""
    return [(m.group(0), m.group(1), m.group(4)) for m in NAMED.finditer(text)]


@pytest.mark.parametrize("ruleset", sorted(p.name for p in RULESETS.iterdir() if p.is_dir()))
def test_every_fact_the_prose_names_is_written_whole_and_exists(ruleset: str) -> None:
    wrong = []
    for where, field, english, chinese in _texts(ruleset):
        for text in (english, chinese or ""):
            for written, prefix, name in _named_facts(text):
                whole = f"{prefix}.{name}"
                if written != whole or (fact_spec(whole) is None and name not in MODELS[prefix].model_fields):
                    wrong.append(f"{where} {field}: {written!r}")
    assert not wrong, f"a fact name broken or unknown: {wrong}"


def test_a_name_broken_by_a_folded_line_is_found() -> None:
    found = _named_facts("the case facts do not date (circumstances .another_important_crime_discovered says")
    assert found == [("circumstances .another_important_crime_discovered", "circumstances",
                      "another_important_crime_discovered")]
