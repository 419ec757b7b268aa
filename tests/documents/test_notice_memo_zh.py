"""The Chinese deadline memo says what follows a missed psp_2020 deadline in the ruleset's own Chinese
(`if_missed_zh`), never in the English it was translated from."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import yaml

from legalrules import Engine
from legalrules.documents.notices.render import render_notice
from legalrules.documents.subjects import SubjectNames

from ..notice_fixtures import decide
from .test_chinese_output import english_in

ROOT = Path(__file__).resolve().parents[2]
RULESET = ROOT / "rulesets" / "psp_2020"


def _consequences() -> dict[tuple[str, str], tuple[str, str]]:
    """(rule id, duty) -> (English, Chinese) of each psp_2020 deadline's `if_missed`, read from the YAML files
    themselves (several deadlines share a rule id; the duty tells them apart)."""
    found = {}
    for path in RULESET.glob("ch*.yaml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("deadlines") or []:
            if item.get("if_missed"):
                found[(item["id"], item["duty"])] = (" ".join(item["if_missed"].split()), item.get("if_missed_zh"))
    return found


# An example at an instant when psp_2020 deadlines with a consequence are pending, and which they are.
# (Test ids sort the set: its order varies between processes, and pytest-xdist's workers must agree.)
MOMENTS = [
    ("fraud_detention_pending", "2026-11-21T15:00:00+08:00",
     {"psp_2020.art127.1", "psp_2020.art128", "psp_2020.art129.1"}),
    ("fraud_detention_pending", "2026-11-21T08:01:00+08:00", {"psp_2020.art200.1"}),
    ("murder_summons_to_arrest", "2025-10-08T18:01:00+08:00",
     {"psp_2020.art144", "psp_2020.art145.1", "psp_2020.art148"}),
    ("designated_residence_late_notice", "2026-03-02T20:01:00+08:00", {"psp_2020.art122.2"}),
]


@pytest.mark.parametrize(("example", "as_of", "rule_ids"), MOMENTS,
                         ids=lambda x: ",".join(sorted(x)) if isinstance(x, set) else str(x))
def test_the_chinese_deadline_memo_gives_each_psp_consequence_in_chinese(
        example: str, as_of: str, rule_ids: set[str]) -> None:
    decision, case = decide(example, as_of)
    texts = _consequences()
    pending = [o for o in decision.deadlines
               if o.status == "pending" and o.ruleset == "psp_2020" and (o.rule_id, o.duty) in texts]
    assert rule_ids <= {o.rule_id for o in pending}, "the example no longer has these deadlines pending"
    memo = render_notice(decision, case, "deadline_memo", "zh", "md")
    consequences = memo.split("### 逾期后果", 1)[1].split("\n## ", 1)[0]
    page = html.unescape(render_notice(decision, case, "deadline_memo", "zh", "html"))
    for outcome in pending:
        english, chinese = texts[(outcome.rule_id, outcome.duty)]
        assert chinese, f"{outcome.rule_id} {outcome.duty} has no if_missed_zh"
        line = next(line for line in consequences.splitlines() if line.endswith(chinese))
        assert f"（{SubjectNames(case, 'zh').name(outcome.subject)}）：" in line and english_in(line) == [], line
        assert chinese in page
        assert english[:40] not in memo and english[:40] not in page


def test_the_chinese_memos_warnings_are_chinese_and_items_go_by_the_cases_ids(engine: Engine) -> None:
    """A detention start written without its offset: the memo's 提示 says so in Chinese (it printed the
    engine's English under a heading calling it the ruleset's), and each line names the detention d1."""
    from datetime import datetime

    from legalrules.variations.overrides import load_case_with

    case = load_case_with(ROOT / "examples" / "detention_national_day_eve.yaml",
                          ["measures[d1].start=2027-09-30T21:00:00"])
    decision = engine.evaluate(case, as_of=datetime.fromisoformat("2027-10-01T12:00:00+08:00"), engine="native")
    assert any("no UTC offset" in w for w in decision.warnings)
    for kind in ("md", "html"):
        memo = html.unescape(render_notice(decision, case, "deadline_memo", "zh", kind))
        notes = memo.split("提示", 1)[1].split("取自案件材料", 1)[0]
        assert "d1.start：未写时区，按北京时间（+08:00）读取" in notes and not english_in(notes), notes
        assert "规则集原文为英文" not in memo and "（d1）" in memo and "measures[1]" not in memo
    english = render_notice(decision, case, "deadline_memo", "en", "md")
    assert "d1.start: no UTC offset given" in english and "(d1)" in english


def test_the_chinese_memos_warnings_cite_as_its_basis_column_does(engine: Engine) -> None:
    """A six-day extension where four are the most: the warning cites the article by the instrument's title."""
    from datetime import datetime

    from legalrules.variations.overrides import load_case_with

    case = load_case_with(ROOT / "examples" / "detention_national_day_eve.yaml",
                          ["measures[d1].extensions=[{basis: special_circumstances, approved: true, days: 6}]"])
    decision = engine.evaluate(case, as_of=datetime.fromisoformat("2026-10-02T12:00:00+08:00"), engine="native")
    notes = render_notice(decision, case, "deadline_memo", "zh", "md").split("## 提示", 1)[1]
    assert "超过《中华人民共和国刑事诉讼法（2018年修正）》第九十一条第一款允许的4日" in notes, notes
    assert " Art. " not in notes and not english_in(notes)
