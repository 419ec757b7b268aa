"""No internal identifier in what an officer reads: every command's text output on every example, in both languages.

A snake_case word in the output must be one the officer writes or types: a case id, a
key of the case file (`decided_by`, `suspect.birth_date`), a value of its closed
vocabularies (`family_notified`), or an argument a command takes (a ruleset or rule id for
`rules` and `explain`, a notice kind for `--kind`, an interpretation's value for its
option). A conclusion's, duty's or parameter's name is none of these. The rules' own prose
(their reasons and interpretation paragraphs, which `explain` and `--full` quote in English)
is the rulesets' text, read as written, and is left out of the scan.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import get_args

import pytest
from typer.testing import CliRunner

from legalrules import Engine
from legalrules.case import terms
from legalrules.case.chinese_terms import TERMS
from legalrules.case.field_terms import FIELD_TERMS
from legalrules.case.io import load_case
from legalrules.documents.notices.calls import KINDS
from legalrules.frontends.cli.app import app
from legalrules.interpretations import INTERPRETATION_ZH
from legalrules.ruleformat.catalog import CATALOG

from ..documents.test_chinese_output import english_in

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CASES = sorted(path.name for path in EXAMPLES.glob("*.yaml"))
AS_OF = ("--as-of", "2026-12-01T12:00:00+08:00")
SNAKE = re.compile(r"(?<![A-Za-z0-9])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9])")
# Lines that quote a rule's own prose, which the scan leaves to the rulesets.
PROSE = re.compile(r"^\s*(?:reason|interpretation): ")


def _vocabulary() -> set[str]:
    """The values of the case's closed vocabularies, and of the facts rules read (`offence.max_penalty`)."""
    values = set(TERMS) | {value for spec in CATALOG.values() for value in spec.values or ()}
    for name in dir(terms):
        values |= {v for v in get_args(getattr(terms, name)) if isinstance(v, str)}
    return values


def _allowed(engine: Engine, case_file: Path) -> set[str]:
    keys = {part for path in FIELD_TERMS for part in path.split(".")}
    rulesets = {ruleset.id for ruleset in engine.all_rulesets}
    readings = {value for _, answers in INTERPRETATION_ZH.values() for value in answers}
    ids = set(re.findall(r"\bid: *([^\s,}]+)", case_file.read_text(encoding="utf-8")))
    return keys | rulesets | readings | ids | set(KINDS) | _vocabulary() | {"record_complete"}


def _said(text: str) -> str:
    """`text` without the rules' own prose: a `reason:` or `interpretation:` line and the lines wrapped under it."""
    kept, prose_indent = [], None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if prose_indent is not None and indent > prose_indent:
            continue
        prose_indent = indent if PROSE.match(line) else None
        if prose_indent is None:
            kept.append(line)
    return "\n".join(kept)


def _leaks(text: str, allowed: set[str]) -> list[str]:
    return sorted({word for word in SNAKE.findall(_said(text)) if word not in allowed})


def _run(*args: str, answers: str | None = None) -> str:
    result = CliRunner().invoke(app, list(args), input=answers, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", CASES)
def test_no_internal_identifier_in_any_command(engine: Engine, name: str, lang: str) -> None:
    """evaluate (the answer and --full), deadlines, notice --list and explain name nothing by an internal id."""
    case_file = EXAMPLES / name
    allowed = _allowed(engine, case_file)
    rule = _a_rule(engine, case_file)
    outputs = {
        "evaluate": _run("evaluate", str(case_file), *AS_OF, "--lang", lang),
        "evaluate --full": _run("evaluate", str(case_file), *AS_OF, "--lang", lang, "--full"),
        "deadlines": _run("deadlines", str(case_file), *AS_OF, "--lang", lang),
        "notice --list": _run("notice", str(case_file), *AS_OF, "--lang", lang, "--list"),
        "explain": _run("explain", str(case_file), rule, *AS_OF, "--lang", lang),
    }
    leaks = {command: _leaks(text, allowed) for command, text in outputs.items()}
    assert not any(leaks.values()), leaks


def _flips(case_file: Path) -> list[str]:
    """What-if flips that change something on every example: the suspect's deafness (conclusions flip,
    with rules, facts and derived conclusions) and, where the case has one, the first measure's start a
    day and six hours earlier (deadlines move, violations come and go)."""
    case = load_case(case_file)
    flips = ["--set", f"suspect.deaf={'false' if case.suspect.deaf else 'true'}"]
    if case.measures and case.measures[0].start is not None:
        flips += ["--set", f"measures[0].start={(case.measures[0].start - timedelta(hours=30)).isoformat()}"]
    return flips


def _targets(engine: Engine, case_file: Path) -> list[str]:
    """What to interview about: an undetermined conclusion (else the first one), and the first deadline."""
    decision = engine.evaluate(load_case(case_file), as_of=datetime.fromisoformat(AS_OF[1]))
    open_ones = [c for c in decision.conclusions if c.value == "undetermined"] or decision.conclusions
    targets = [f"{c.ruleset}:{c.conclusion}@{c.subject}" for c in open_ones[:1]]
    return targets + [f"{d.rule_id}@{d.subject}" for d in decision.deadlines[:1]]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", CASES)
def test_no_internal_identifier_in_the_trainers_commands(engine: Engine, name: str, lang: str) -> None:
    """what-if, diff (against the next example), sweep and ask (to the end of input) name nothing by an
    internal id; in Chinese they leave no English sentence but a marked translation. The native engine:
    the words are the same whichever evaluator answers."""
    case_file = EXAMPLES / name
    other = EXAMPLES / CASES[(CASES.index(name) + 1) % len(CASES)]
    targets = _targets(engine, case_file)
    allowed = _allowed(engine, case_file) | _allowed(engine, other) | {
        part for target in targets for part in re.split(r"[:@.]", target)} | {case_file.stem, other.stem}  # echoed
    native = ("--engine", "native", "--lang", lang)
    outputs = {
        "what-if": _run("what-if", str(case_file), *AS_OF, *_flips(case_file), *native),
        "diff": _run("diff", str(case_file), str(other), *AS_OF, *native),
        "sweep": _run("sweep", str(case_file), *AS_OF, "--vary", "suspect.deaf=*", *native),
        **{f"ask {target}": _run("ask", str(case_file), *AS_OF, "--about", target, *native, answers="")
           for target in targets},
    }
    leaks = {command: _leaks(text, allowed) for command, text in outputs.items()}
    assert not any(leaks.values()), leaks
    if lang == "zh":
        english = {command: english_in(text) for command, text in outputs.items()}
        assert not any(english.values()), english


def _a_rule(engine: Engine, case_file: Path) -> str:
    """A rule that decided something on the case (the first one the decision names)."""
    decision = engine.evaluate(load_case(case_file), as_of=datetime.fromisoformat(AS_OF[1]))
    return next(rule.rule_id for item in decision.conclusions for rule in (*item.established_by, *item.not_established_by))


def test_the_scan_finds_an_internal_name() -> None:
    """A duty's or conclusion's name is caught; a key, a value and a case id are not."""
    allowed = {"decided_by", "family_notified", "d1", "birth_date", "suspect"}
    assert _leaks("d1 (family_notification) due", allowed) == ["family_notification"]
    assert _leaks("establishes recording_required", allowed) == ["recording_required"]
    assert _leaks("suspect.birth_date; decided_by: family_notified (d1)", allowed) == []
    assert _leaks("  reason: bail_permitted holds\n    and major_case too\n  met: x", allowed) == []
    assert _leaks("  interpretation: x\n  met: major_case", allowed) == ["major_case"]
