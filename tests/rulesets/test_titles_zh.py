"""Every conclusion of the public-security rulesets has a Chinese title for `--lang zh`."""

from __future__ import annotations

import pytest

from legalrules import Engine
from legalrules.documents.notices.words import is_chinese


@pytest.mark.parametrize("ruleset_id", ["av_2014", "crim_proc"])
def test_each_conclusion_has_a_chinese_title(engine: Engine, ruleset_id: str) -> None:
    """av_2014 and crim_proc conclusions all carry `title_zh`, written in Chinese."""
    ruleset = engine.ruleset(ruleset_id)
    missing = [c.name for c in ruleset.conclusions if not (c.spec.title_zh and is_chinese(c.spec.title_zh))]
    assert not missing
