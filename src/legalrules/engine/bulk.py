"""The bulk fast path: one generated function per ruleset reading the case's models directly.

`Engine.values` answers "what are the conclusion values?" for many cases. The
frames form (`engine.frames`, `engine.codegen`) copies every known fact into a dict per
frame, which is what explanations and durable-rules need but costs more than
the rules themselves. Here the same NNF conditions are written against the
pydantic models (`case.suspect.blind`, `interrogation.place`), the derived
facts (age on the day, `interrupted`, the offence's penalty class) are computed
inline, and nested scopes are nested loops, so each fact is read only when a
rule asks for it. A property test holds this path equal to the frames path.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ..case.model import CaseFacts, CaseInfo, Circumstances, Interrogation, Interruption, Offence, Review, Suspect
from ..ruleformat.catalog import CATALOG
from .codegen import OFFENCES_KEY, Writer
from ..ruleformat.conditions import referenced_conclusions, referenced_facts
from ..ruleformat.compiled import CompiledConclusion, CompiledRuleset
from .frames import fixed_term_years, max_penalty, recording_requested
from ..case.instants import LOCAL_ZONE

BulkValues = dict[tuple[str, str, str], "bool | None"]
# (case, out, the case's facts about time shared by every ruleset, age function)
BulkFunction = Callable[[CaseFacts, BulkValues, "CaseDays", Callable[[date, date], int]], None]


class CaseDays:
    """What every ruleset's bulk function needs about a case's dates, computed once per case.

    Converting instants to local days is most of what a ruleset outside its window
    costs, so `Engine.values` does it once and hands it to each ruleset.
    """

    __slots__ = ("case_day", "days", "recording_requested", "span")

    def __init__(self, case: CaseFacts, as_of_day: date) -> None:
        self.case_day = _case_day(case, as_of_day)
        self.days = [as_of_day if i.start is None else i.start.astimezone(LOCAL_ZONE).date()
                     for i in case.interrogations]
        self.recording_requested = recording_requested(case)
        # The first and last day any frame is dated: a ruleset whose window misses both
        # ends gives the case no conclusion, so `Engine.values` skips it.
        self.span = (min([self.case_day, *self.days]), max([self.case_day, *self.days]))

# Where each fact prefix lives: the local variable holding its model, and the model.
_MODELS: dict[str, tuple[str, type[Any]]] = {
    "case": ("K", CaseInfo), "suspect": ("S", Suspect), "circumstances": ("Z", Circumstances),
    "interrogation": ("I", Interrogation), "interrogation.review": ("V", Review),
    "interruption": ("J", Interruption), "offence": ("", Offence),
}
# Facts not stored as a model field: computed in the generated function.
_DERIVED = {
    "case.recording_requested_by_court_or_procuratorate": "rr",
    "suspect.age_at_interrogation": "age",
    "interrogation.interrupted": "itd",
    "interrogation.person_age": "page",
    OFFENCES_KEY: "O",
}
_OPTIONAL_MODELS = {"V"}  # `interrogation.review` may be absent: its facts are then unknown
_SUPPORTED_SCOPES = {"case", "interrogation", "interruption"}


class Unsupported(Exception):
    """A ruleset uses a fact or scope the bulk path cannot read; the frames path serves it."""


def model_reader(fact: str, item: str | None) -> str:
    """The expression reading `fact` from the models held in the generated function's locals."""
    if fact in _DERIVED:
        return _DERIVED[fact]
    if fact == "offence.max_penalty":
        return f"max_penalty({item}.statutory_max)"
    if fact == "offence.max_fixed_term_years":
        return f"fixed_term_years({item}.statutory_max)"
    prefix, _, name = fact.rpartition(".")
    if prefix not in _MODELS:
        raise Unsupported(f"fact {fact!r}")
    var, model = _MODELS[prefix]
    if name not in model.model_fields:
        raise Unsupported(f"fact {fact!r}")
    if prefix == "offence":
        return f"{item}.{name}"
    if var in _OPTIONAL_MODELS:
        return f"(None if {var} is None else {var}.{name})"
    return f"{var}.{name}"


def _compute(writer: Writer, conclusion: CompiledConclusion, indent: str) -> str:
    """The line computing a conclusion (the best of its rules) into a new local."""
    var = f"c{len(writer.local)}"
    rules = [writer.expr(rule.condition) for rule in conclusion.rules]
    writer.local[conclusion.name] = var
    return f"{indent}{var} = {writer.fold(True, rules)}"


def _conclusions(writer: Writer, conclusions: list[CompiledConclusion], indent: str,
                 frame_id: str, ruleset_id: str) -> list[str]:
    """Lines computing each conclusion not yet computed, and storing every value in `out`."""
    lines = []
    for conclusion in conclusions:
        if conclusion.name not in writer.local:
            lines.append(_compute(writer, conclusion, indent))
        var = writer.local[conclusion.name]
        lines.append(f"{indent}out[({ruleset_id!r}, {conclusion.name!r}, {frame_id})] = T[{var}]")
    return lines


def _case_invariant(conclusions: list[CompiledConclusion], known: set[str]) -> list[CompiledConclusion]:
    """The conclusions whose rules read only case-level facts and case-invariant conclusions.

    Their value is the same for every interrogation of a case, so the bulk
    function computes them once, before the loop over interrogations.
    """
    invariant, names = [], set(known)
    for conclusion in conclusions:
        facts = set().union(*(referenced_facts(rule.condition) for rule in conclusion.rules))
        refs = set().union(*(referenced_conclusions(rule.condition) for rule in conclusion.rules))
        if refs <= names and all(CATALOG[fact].scope in ("case", "offence") for fact in facts):
            invariant.append(conclusion)
            names.add(conclusion.name)
    return invariant


def _window_test(ruleset: CompiledRuleset, day: str) -> str:
    """A test that `day` lies in the instrument's effective window (both ends inclusive)."""
    instrument = ruleset.instrument
    test = f"LO <= {day}"
    if instrument.effective_until is not None:
        test += " <= HI"
    return test


def generate_bulk(ruleset: CompiledRuleset) -> BulkFunction:
    """The ruleset's bulk function; raises `Unsupported` if it needs the frames path."""
    by_scope: dict[str, list[CompiledConclusion]] = {}
    for conclusion in ruleset.conclusions:
        if conclusion.spec.scope not in _SUPPORTED_SCOPES:
            raise Unsupported(f"scope {conclusion.spec.scope!r}")
        by_scope.setdefault(conclusion.spec.scope, []).append(conclusion)
    namespace: dict[str, Any] = {
        "T": (False, None, True), "LO": ruleset.instrument.effective_from,
        "HI": ruleset.instrument.effective_until,
        "max_penalty": max_penalty, "fixed_term_years": fixed_term_years,
    }
    writer = Writer(namespace, "bulk", {}, read=model_reader)
    lines = [
        "def values(case, out, dates, age_of):",
        "    K = case.case; S = case.suspect; Z = case.circumstances; O = case.offences",
        "    rr = dates.recording_requested",
        "    birth = S.birth_date",
    ]
    if "case" in by_scope:
        lines.append(f"    if {_window_test(ruleset, 'dates.case_day')}:")
        lines += _conclusions(writer, by_scope["case"], "        ", "'case'", ruleset.id)
        lines.append("    else:")
        lines += [f"        {var} = 1" for var in writer.local.values()]
    if "interrogation" in by_scope or "interruption" in by_scope:
        inner = by_scope.get("interrogation", [])
        # Case-invariant conclusions are computed once per case, on the first interrogation
        # in the window: a case outside it (most cases, for a repealed instrument) pays nothing.
        hoisted = [_compute(writer, c, "            ") for c in _case_invariant(inner, set(writer.local))]
        lines += [
            "    first = True",
            "    days = dates.days",
            "    for i, I in enumerate(case.interrogations):",
            "        day = days[i]",
            f"        if not ({_window_test(ruleset, 'day')}):",
            "            continue",
        ]
        if hoisted:
            lines += ["        if first:", *hoisted, "            first = False"]
        lines += [
            "        fid = f'interrogations[{i}]'",
            "        age = None if birth is None else age_of(birth, day)",
            "        page = None if I.person_birth_date is None else age_of(I.person_birth_date, day)",
            "        V = I.review",
            "        js = I.interruptions",
            "        itd = None if js is None else len(js) > 0",
        ]
        lines += _conclusions(writer, inner, "        ", "fid", ruleset.id)
        if "interruption" in by_scope:
            lines += [
                "        if js:",
                "            for k, J in enumerate(js):",
                "                jid = f'{fid}.interruptions[{k}]'",
            ]
            lines += _conclusions(writer, by_scope["interruption"], "                ", "jid", ruleset.id)
    source = "\n".join(lines) + "\n"
    exec(compile(source, f"<legalrules bulk {ruleset.id}>", "exec"), namespace)  # noqa: S102
    function: BulkFunction = namespace["values"]
    return function


def _case_day(case: CaseFacts, as_of_day: date) -> date:
    """The case frame's governing day, as `engine.frames.earliest_instant` dates it (without naming its source)."""
    instants = [i.start for i in case.interrogations if i.start is not None]
    instants += [m.start for m in case.measures if m.start is not None]
    instants += [e.at for e in case.events if e.at is not None]
    return min(instants).astimezone(LOCAL_ZONE).date() if instants else as_of_day
