"""Case text cannot forge a document: no extra ICS event, no Markdown block or link, no terminal escape."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from legalrules import CaseFacts, Decision, parse_case
from legalrules.documents.calendar.ics import render_ics
from legalrules.documents.notices.render import render_notice
from legalrules.documents.safe_text import json_safe, visible
from legalrules.errors import InputError
from legalrules.frontends.cli.app import app

from ..notice_fixtures import EXAMPLES, decide, engine

FORGED_EVENT = "X\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Deadline cancelled - release suspect\r\nEND:VEVENT\r\nBEGIN:VEVENT"
PENDING_AS_OF = "2026-11-21T15:00:00+08:00"


def _hostile(case_id: str, name: str | None = None) -> tuple[Decision, CaseFacts]:
    decision, case = decide("fraud_detention_pending", PENDING_AS_OF)
    document = case.model_dump(mode="json", exclude_none=True)
    document["case"] = {**document["case"], "id": case_id}
    if name is not None:
        document["suspect"] = {**document.get("suspect", {}), "name": name}
    hostile = parse_case(json.dumps(document), "hostile.json")
    return engine().evaluate(hostile, as_of=decision.as_of), hostile


def test_a_case_id_with_control_characters_is_refused_when_read() -> None:
    """An id is a name other facts refer to: a line break, escape or direction override in one is an input error."""
    decision, case = decide("fraud_detention_pending", PENDING_AS_OF)
    for forged in (FORGED_EVENT, "ZJ\x1b]0;pwned\x07", "ZJ\u202eCBA"):
        document = case.model_dump(mode="json", exclude_none=True)
        document["case"]["id"] = forged
        document["measures"][0]["id"] = forged
        with pytest.raises(InputError) as refused:
            parse_case(json.dumps(document), "hostile.json")
        assert [p.field for p in refused.value.problems] == ["case.id", "measures[0].id"]
        assert "without control characters" in str(refused.value)


def test_a_case_id_cannot_add_an_event_to_the_calendar() -> None:
    """Line breaks (or a bare CR) in case.id crashed --ics or forged a VEVENT; the calendar still shows them as text.

    Input refuses such an id (above); the calendar does not rely on that, since a decision
    can reach it from elsewhere (a stored decision's JSON).
    """
    decision, _ = decide("fraud_detention_pending", PENDING_AS_OF)
    for breaker in ("\r\n", "\r", "\n"):
        forged = decision.model_copy(update={"case_id": FORGED_EVENT.replace("\r\n", breaker)})
        data = render_ics(forged)
        events = icalendar.Calendar.from_ical(data).walk("VEVENT")
        assert len(events) == len(decision.deadlines)
        assert all(not str(e["SUMMARY"]).startswith("Deadline cancelled") for e in events)
        assert b"\r\nBEGIN:VEVENT\r\nSUMMARY:Deadline" not in data
        assert "␍" in str(events[0]["SUMMARY"]) or "␊" in str(events[0]["SUMMARY"])


def test_a_name_cannot_add_a_heading_or_a_link_to_a_markdown_notice() -> None:
    """A newline in a name injected '# 已依法释放 — RELEASED' and a javascript: link; both now print as text."""
    decision, case = _hostile("ZJ-1", "张三\n# 已依法释放 — RELEASED\n[点此查看](javascript:alert(1))")
    md = render_notice(decision, case, "detention_family_notice", "zh", "md")
    assert not re.search(r"^\s*#\s*已依法释放", md, flags=re.MULTILINE)
    assert not re.search(r"(?<!\\)\]\(javascript:", md) and "\\](javascript:" in md
    assert "张三␊# 已依法释放" in md


def test_a_name_cannot_break_a_markdown_table_row() -> None:
    """A value with a line break and a pipe stays inside its table cell."""
    decision, case = _hostile("ZJ-2", "A | B\n| forged | row |")
    md = render_notice(decision, case, "detention_family_notice", "en", "md")
    assert not re.search(r"^\\?\| forged", md, flags=re.MULTILINE)
    assert "A \\| B␊\\| forged \\| row \\|" in md


def test_terminal_escapes_in_the_case_never_reach_the_terminal(tmp_path: Path) -> None:
    """An OSC sequence set the terminal's title: in an id it is refused, in a name it prints as symbols.

    Both paths reach the terminal: the error repeats what was received, and a notice
    printed to stdout carries the suspect's name.
    """
    text = (EXAMPLES / "fraud_detention_pending.yaml").read_text(encoding="utf-8")
    document = parse_case(text, "x").model_dump(mode="json", exclude_none=True)
    raw = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    document["case"]["id"] = "ZJ\x1b]0;pwned\x07\x9b31m"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    for args in ([], ["--json"]):
        result = CliRunner().invoke(app, ["evaluate", str(path), "--as-of", PENDING_AS_OF, *args])
        assert result.exit_code == 2, result.output
        assert "case.id" in result.stderr and not raw.search(result.stdout + result.stderr)
    document["case"]["id"] = "ZJ-1"
    document["suspect"] = {**document.get("suspect", {}), "name": "张三\x1b]0;pwned\x07\x9b31m"}
    path.write_text(json.dumps(document), encoding="utf-8")
    printed = CliRunner().invoke(app, ["notice", str(path), "--kind", "detention_family_notice",
                                       "--as-of", PENDING_AS_OF, "--format", "md"])
    assert printed.exit_code == 0, printed.output
    assert not raw.search(printed.stdout) and "张三␛]0;pwned␇" in printed.stdout and "U+009B" in printed.stdout


def test_json_keeps_the_data_while_escaping_controls() -> None:
    """A C1 control in JSON becomes its \\u escape, which reads back as the same string."""
    assert json.loads(json_safe(json.dumps({"id": "a\x9bb"}, ensure_ascii=False))) == {"id": "a\x9bb"}
    assert visible("a\tb\nc\x1b") == "a\tb\nc␛"
