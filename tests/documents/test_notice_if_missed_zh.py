"""The Chinese deadline memo says what follows a miss in Chinese: a translated ruleset's `if_missed_zh`,
never its English `if_missed` (crim_proc, issue 16)."""

from __future__ import annotations

import pytest

from legalrules.documents.notices.render import render_notice

from ..notice_fixtures import decide
from .test_chinese_output import english_in

# Examples whose memo lists crim_proc deadlines that carry a consequence of a miss: a police detention
# (Art. 91 para. 1, the deadline_memo scenario) and the procuratorate's own case (Arts. 167 and 156).
MEMOS = [
    ("fraud_detention_pending", "2026-11-21T15:00:00+08:00", {"crim_proc.art91.1"}),
    ("judicial_officer_procuratorate_2026", "2026-03-05T09:00:00+08:00", {"crim_proc.art156", "crim_proc.art167"}),
]


@pytest.mark.parametrize(("example", "as_of", "expected"), MEMOS)
def test_the_chinese_deadline_memo_gives_crim_procs_consequence_in_chinese(
        example: str, as_of: str, expected: set[str]) -> None:
    decision, case = decide(example, as_of)
    listed = [o for o in decision.deadlines if o.ruleset == "crim_proc" and o.status == "pending" and o.if_missed]
    # The example still has these open; without them the memo would have nothing of crim_proc's to show.
    assert {o.rule_id for o in listed} == expected
    memo = render_notice(decision, case, "deadline_memo", "zh", "md")
    html = render_notice(decision, case, "deadline_memo", "zh", "html")
    for outcome in listed:
        english = outcome.if_missed
        assert english is not None
        assert outcome.if_missed_zh, f"{outcome.rule_id} reached the decision without its Chinese consequence"
        assert outcome.if_missed_zh in html
        lines = [line for line in memo.splitlines() if outcome.if_missed_zh in line]
        assert lines, f"{outcome.rule_id}: the memo does not show its if_missed_zh"
        for line in lines:
            assert english_in(line) == [] and "规则集原文为英文" not in line, line
        assert english not in memo and english not in html
