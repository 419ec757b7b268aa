"""The bulk fast path: one generated function reading the case's models directly, for every ruleset.

`Engine.values` answers "what are the conclusion values?" for many cases. The
frames form (`engine.frames`, `engine.codegen`) copies every known fact into a dict per
frame, which is what explanations and durable-rules need but costs more than
the rules themselves. Here the same NNF conditions are written against the
pydantic models (`case.suspect.blind`, `interrogation.place`) as short-circuiting
tests (`engine.bulk_expr`), and what a hand-written program would do once is done once:

- the function is specialised on the case's handling organ and proceeding
  (`SPECIALISED`), so rules about another organ vanish when it is generated;
- what is the same for every interrogation of a case (a conclusion on case facts,
  a test over the offences, a case fact compared in several rules) is computed on
  the case's first interrogation in the instrument's window, and a comparison on an
  interrogation's facts that several rules make is computed once per interrogation;
- derived facts (age on the day, `interrupted`) are computed only where a rule reads them;
- each ruleset is one block of a single function, the interrogations' local days are
  computed once for all, and the `out` keys of each subject are built once per engine.

A property test holds this path equal to the frames path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from ..case.instants import LOCAL_ZONE
from ..case.model import CaseFacts, CaseInfo, Circumstances, Interrogation, Interruption, Offence, Review, Suspect
from ..ruleformat.catalog import Value
from ..ruleformat.compiled import CompiledConclusion, CompiledRuleset
from .bulk_expr import Fixed, TestWriter, Unsupported
from .bulk_scope import Key, Scope
from .codegen import OFFENCES_KEY
from .frames import arrest_request_day, fixed_term_years, max_penalty, offence_day, recording_requested

__all__ = ["SPECIALISED", "BulkFunction", "BulkProgram", "Unsupported"]

BulkValues = dict[tuple[str, str, str], "bool | None"]
# (case, out, the as-of day (a planned interrogation's date), age function, the minor_suspect reading)
BulkFunction = Callable[[CaseFacts, BulkValues, date, Callable[[date, date], int], str], None]

# The case facts each bulk function is specialised on: every rule testing them is
# settled when the function is generated (`bulk_expr.fold`), once per combination met.
SPECIALISED = ("case.handling_organ", "case.proceeding")
Variant = tuple["Value | None", "Value | None"]  # their values (None: not given)

# Where each fact prefix lives: the local variable holding its model, and the model.
_MODELS: dict[str, tuple[str, type[Any]]] = {
    "case": ("K", CaseInfo), "suspect": ("S", Suspect), "circumstances": ("Z", Circumstances),
    "interrogation": ("I", Interrogation), "interrogation.review": ("V", Review),
    "interruption": ("J", Interruption), "offence": ("", Offence),
}
# Facts not stored as a model field: computed in the generated function, where read.
_DERIVED = {
    "case.recording_requested_by_court_or_procuratorate": "rr",
    "suspect.age_at_interrogation": "age",
    "interrogation.interrupted": "itd",
    "interrogation.person_age": "page",
    "suspect.age_at_offence": "aoff",
    "suspect.age_at_arrest_request": "aarr",
    "interpretation.minor_suspect": "mread",
    OFFENCES_KEY: "O",
}
# How each per-interrogation local is computed, in this order, when a rule reads it.
_INTERROGATION_LOCALS = {
    "age": "age = None if birth is None else age_of(birth, day)",
    "page": "page = None if I.person_birth_date is None else age_of(I.person_birth_date, day)",
    "V": "V = I.review",
    "itd": "itd = None if I.interruptions is None else len(I.interruptions) > 0",
}
_OPTIONAL_MODELS = {"V"}  # `interrogation.review` may be absent: its facts are then unknown
_SUPPORTED_SCOPES = {"case", "interrogation", "interruption"}


class BulkProgram:
    """The bulk functions of some rulesets, one per handling organ and proceeding met, built on first use.

    Rulesets the bulk path cannot read are named in `unsupported` (with why): their
    values come through frames.
    """

    def __init__(self, rulesets: Sequence[CompiledRuleset]) -> None:
        self.rulesets = tuple(rulesets)
        self.sources: dict[Variant, str] = {}
        self._variants: dict[Variant, BulkFunction] = {}
        self.unsupported: dict[str, str] = {}
        self._variant((None, None))  # the unspecialised one finds what is unsupported

    def run(self, case: CaseFacts, out: BulkValues, as_of_day: date, age_of: Callable[[date, date], int],
            minor_suspect: str = "under_18_in_proceedings") -> None:
        """Store the case's conclusion values in `out`, keyed (ruleset, conclusion, subject)."""
        info = case.case
        key = (info.handling_organ, info.proceeding)
        function = self._variants.get(key)
        if function is None:
            function = self._variant(key)
        function(case, out, as_of_day, age_of, minor_suspect)

    def _variant(self, key: Variant) -> BulkFunction:
        # Two threads may both build a missing one: the same function, and either is kept.
        source, namespace, unsupported = _generate(self.rulesets, dict(zip(SPECIALISED, key)))
        exec(compile(source, f"<legalrules bulk {key}>", "exec"), namespace)  # noqa: S102
        function: BulkFunction = namespace["values"]
        self.unsupported.update(unsupported)
        self.sources[key] = source
        self._variants[key] = function
        return function


class _Reader:
    """Reads facts from the models in the generated function's locals, noting which locals it used."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, fact: str, item: str | None) -> str:
        if fact in _DERIVED:
            self.used.add(_DERIVED[fact])
            return _DERIVED[fact]
        if fact == "offence.max_penalty":
            return f"max_penalty({item}.statutory_max)"
        if fact == "offence.max_fixed_term_years":
            return f"fixed_term_years({item}.statutory_max)"
        prefix, _, name = fact.rpartition(".")
        if prefix not in _MODELS or name not in _MODELS[prefix][1].model_fields:
            raise Unsupported(f"fact {fact!r}")
        var = _MODELS[prefix][0]
        if prefix == "offence":
            return f"{item}.{name}"
        self.used.add(var)
        if var in _OPTIONAL_MODELS:
            return f"(None if {var} is None else {var}.{name})"
        return f"{var}.{name}"


def _indent(lines: list[str], levels: int = 1) -> list[str]:
    return [" " * (4 * levels) + line for line in lines if line]


def _case_block(writer: TestWriter, ruleset: CompiledRuleset, prefix: str,
                conclusions: list[CompiledConclusion]) -> list[str]:
    """The case-scope conclusions, computed when the case's day is in the instrument's window."""
    # Refs from the interrogations see None outside the case's window: these stay locals.
    scope = Scope(writer, prefix, conclusions, may_fix=False)
    shared: list[str] = []
    scope.share(set(), shared, shared)
    lines = [*shared]
    settled: dict[Key, bool | None] = {}
    for conclusion in conclusions:
        lines.append(scope.compute(conclusion.name))
        key = (ruleset.id, conclusion.name, "case")
        folded = scope.folded[conclusion.name]
        if isinstance(folded, Fixed):  # copied into `out` with the others settled, in one call
            settled[key] = folded.value
        else:
            lines.append(f"out[{key!r}] = {writer.local[conclusion.name]}")
    if settled:
        lines.append(f"out.update({writer.constant(settled)})")
    names = list(dict.fromkeys(writer.local.values()))
    return [f"if {_window_test(writer, ruleset, 'case_day')}:", *_indent(lines),
            "else:", *_indent([f"{var} = None" for var in names])]


def _interrogation_block(writer: TestWriter, ruleset: CompiledRuleset, prefix: str,
                         by_scope: dict[str, list[CompiledConclusion]]) -> tuple[list[str], list[str]]:
    """One ruleset's lines before the loop over interrogations, and its part of the loop's body."""
    writer.seen.clear()  # a case conclusion's local is None outside the case's window: not to be shared
    invariant = set(writer.local)
    inner = Scope(writer, prefix, by_scope.get("interrogation", []))
    below = Scope(writer, prefix, by_scope.get("interruption", []))
    once: list[str] = []
    each: list[str] = []
    hoisted = inner.hoistable(invariant)
    once += [inner.compute(name) for name in hoisted]  # on the first interrogation in the window
    inner.share(invariant, once, each, skip=hoisted)
    below.share(invariant, once, each)
    body = [*each, *inner.stores(ruleset.id, f"KEYS{prefix}", "i")]
    if below.conclusions:
        writer.seen.clear()
        body += ["if I.interruptions:", "    for k, J in enumerate(I.interruptions):",
                 *_indent(below.stores(ruleset.id, f"JKEYS{prefix}", "i, k"), 2)]
    once = [line for line in once if line]
    first = f"first{prefix}"
    guard = [f"if {first}:", *_indent(once), f"    {first} = False"] if once else []
    return ([f"{first} = True"] if once else []), [
        f"if {_window_test(writer, ruleset, 'day')}:", *_indent([*guard, *body])]


def _window_test(writer: TestWriter, ruleset: CompiledRuleset, day: str) -> str:
    """A test that `day` lies in the instrument's effective window (both ends inclusive)."""
    instrument = ruleset.instrument
    test = f"{writer.constant(instrument.effective_from)} <= {day}"
    if instrument.effective_until is not None:
        test += f" <= {writer.constant(instrument.effective_until)}"
    return test


def _ruleset_block(writer: TestWriter, ruleset: CompiledRuleset, prefix: str) -> tuple[list[str], list[str]]:
    """One ruleset's lines before the loop over interrogations (its case conclusions), and its part of the loop."""
    binds = ruleset.instrument.binds
    organ = writer.known.get("case.handling_organ")
    if binds is not None and organ is not None and organ not in binds.handling_organ:
        return [], []  # a case another organ handles gets none of this instrument's conclusions
    by_scope: dict[str, list[CompiledConclusion]] = {}
    for conclusion in ruleset.conclusions:
        if conclusion.spec.scope not in _SUPPORTED_SCOPES:
            raise Unsupported(f"scope {conclusion.spec.scope!r}")
        by_scope.setdefault(conclusion.spec.scope, []).append(conclusion)
    before = _case_block(writer, ruleset, prefix, by_scope["case"]) if "case" in by_scope else []
    if "interrogation" not in by_scope and "interruption" not in by_scope:
        return before, []
    first, loop = _interrogation_block(writer, ruleset, prefix, by_scope)
    return before + first, loop


def _generate(rulesets: Sequence[CompiledRuleset], known: dict[str, Value | None]) -> tuple[str, dict[str, Any], dict[str, str]]:
    """The source of the bulk function for cases with the `known` facts, its globals, and the rulesets it leaves out.

    Each ruleset's case conclusions come first; then one loop over the interrogations
    runs every ruleset's part, each under its own window test, sharing the derived facts.
    """
    namespace: dict[str, Any] = {"max_penalty": max_penalty, "fixed_term_years": fixed_term_years,
                                 "recording_requested": recording_requested, "case_dates": _case_dates,
                                 "offence_day": offence_day, "arrest_request_day": arrest_request_day}
    unsupported: dict[str, str] = {}
    before: list[str] = []
    loop: list[str] = []
    reader = _Reader()
    for index, ruleset in enumerate(rulesets):
        writer = TestWriter(namespace, read=reader, known=known)
        used = set(reader.used)
        try:
            ahead, part = _ruleset_block(writer, ruleset, f"c{index}_")
        except Unsupported as exc:
            unsupported[ruleset.id] = str(exc)
            reader.used = used
            continue
        before += ahead
        loop += part
    derived = [line for name, line in _INTERROGATION_LOCALS.items() if name in reader.used]
    lines = [
        "def values(case, out, as_of_day, age_of, mread):",
        "    K = case.case; S = case.suspect; Z = case.circumstances; O = case.offences",
        "    birth = S.birth_date",
        "    rr = recording_requested(case) if case.events else None" if "rr" in reader.used else "",
        "    oday = offence_day(case)" if "aoff" in reader.used else "",
        "    aoff = None if birth is None or oday is None else age_of(birth, oday)" if "aoff" in reader.used else "",
        "    aarr = None if birth is None else age_of(birth, arrest_request_day(case, as_of_day))"
        if "aarr" in reader.used else "",
        "    case_day, days = case_dates(case, as_of_day)",
        *_indent(before),
        *(["    for i, I in enumerate(case.interrogations):", "        day = days[i]",
           *_indent(derived, 2), *_indent(loop, 2)] if loop else []),
    ]
    return "\n".join(line for line in lines if line) + "\n", namespace, unsupported


def _case_dates(case: CaseFacts, as_of_day: date) -> tuple[date, list[date]]:
    """The case frame's day and each interrogation's, as `engine.frames` dates them.

    The case frame is dated by the case's earliest instant (`frames.earliest_instant`);
    a local date never decreases as the instant grows, so the earliest date is the
    earliest instant's date, and each instant is converted once. An interrogation
    without a start (a planned one) is dated as of the evaluation.
    """
    days = []
    earliest: date | None = None
    for item in case.interrogations:
        if item.start is None:
            days.append(as_of_day)
            continue
        day = item.start.astimezone(LOCAL_ZONE).date()
        days.append(day)
        if earliest is None or day < earliest:
            earliest = day
    if not (case.measures or case.events):
        return (as_of_day if earliest is None else earliest), days
    others = [m.start for m in case.measures if m.start is not None] + [e.at for e in case.events if e.at is not None]
    for instant in others:
        day = instant.astimezone(LOCAL_ZONE).date()
        if earliest is None or day < earliest:
            earliest = day
    return (as_of_day if earliest is None else earliest), days
