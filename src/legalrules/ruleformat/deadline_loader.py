"""Checking and compiling the deadline entries of rule files.

A deadline names its anchor (a measure kind, an event kind of the case
contract, or an event naming a measure of a kind; optionally only measures one
organ decided), a cited period parameter, what meets it, extension options and
exceptions. Everything is checked here, with file, line and rule id, so that
evaluation never meets a deadline it cannot compute.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

from ..case.model import EventKind
from .catalog import Value
from .compiled import CompiledDeadline, CompiledDeadlineException, CompiledExtension, PeriodSpec
from .conditions import Condition, ConditionError, ParseContext, parse_condition, to_nnf
from .schema import Citation, DeadlineSpec, Parameter
from ..case.yaml_lines import line_of
from ..errors import RulesetError

EVENT_KINDS = frozenset(get_args(EventKind))
_PERIOD_UNITS = ("hours", "days", "months")


class DeadlineSource:
    """One deadline entry as read: its spec and where it is."""

    def __init__(self, spec: DeadlineSpec, path: Path, raw: Any, index: int) -> None:
        self.spec = spec
        self.path = path
        self.raw = raw
        self.index = index

    @property
    def line(self) -> int | None:
        """The entry's first line."""
        return line_of(self.raw, ("deadlines", self.index))

    def fail(self, message: str, *where: Any) -> RulesetError:
        """An error located at a key of this entry (or the entry itself)."""
        line = line_of(self.raw, ("deadlines", self.index, *where)) if where else self.line
        return RulesetError(str(self.path), line if line is not None else self.line, self.spec.id, message)


def _period(source: DeadlineSource, name: str, params: dict[str, Parameter], *where: Any) -> PeriodSpec:
    parameter = params.get(name)
    if parameter is None:
        raise source.fail(f"period parameter {name!r} is not in parameters.yaml; declared: {sorted(params)}", *where)
    if parameter.unit not in _PERIOD_UNITS or isinstance(parameter.value, bool) \
            or not isinstance(parameter.value, int) or parameter.value < 1:
        raise source.fail(f"parameter {name!r} must be a whole number of {', '.join(_PERIOD_UNITS)}; "
                          f"it is {parameter.value!r} {parameter.unit}", *where)
    return (parameter.value, parameter.unit)


def _event(source: DeadlineSource, kind: str | None, *where: Any) -> None:
    if kind is not None and kind not in EVENT_KINDS:
        raise source.fail(f"unknown event kind {kind!r}; the case contract defines {sorted(EVENT_KINDS)}", *where)


def _condition(source: DeadlineSource, raw: Any, values: dict[str, Value], *where: Any) -> Condition | None:
    if raw is None:
        return None
    try:
        return to_nnf(parse_condition(raw, ParseContext("case", {}, values)))
    except ConditionError as exc:
        raise source.fail(f"{'.'.join(str(w) for w in where)}: {exc}", *where) from None


def _check_citation(source: DeadlineSource, ruleset: str, rule_id_pattern: Any) -> None:
    spec = source.spec
    if not rule_id_pattern.match(spec.id):
        raise source.fail(f"deadline id {spec.id!r} is not of the form {ruleset}.art<N>[.<para>][.<item>]", "id")
    expected = spec.citation.rule_id(ruleset)
    if spec.id != expected:
        raise source.fail(f"deadline id {spec.id!r} does not match its citation (expected {expected!r})", "id")
    if spec.citation.item is not None and spec.citation.paragraph is None:
        raise source.fail("a citation with an item needs its paragraph", "citation")


def _label(citation: Citation, ruleset: str) -> str:
    return citation.label(ruleset)


def compile_deadline(source: DeadlineSource, ruleset: str, params: dict[str, Parameter],
                     values: dict[str, Value], rule_id_pattern: Any) -> CompiledDeadline:
    """Check one deadline entry against the parameters and the case contract, and compile it."""
    spec = source.spec
    _check_citation(source, ruleset, rule_id_pattern)
    if spec.anchor.measure is None and spec.anchor.event is None:
        raise source.fail("anchor: give a measure, an event, or an event and the measure kind it names", "anchor")
    if spec.anchor.decided_by is not None and spec.anchor.measure is None:
        raise source.fail("anchor: decided_by filters measures; give the measure kind too", "anchor")
    if spec.anchor.joined is not None and (spec.anchor.measure is None or spec.anchor.event is not None):
        raise source.fail("anchor: joined runs measures together; give a measure kind and no event", "anchor")
    if spec.anchor.from_measure_end and (spec.anchor.event is None or spec.anchor.measure is None):
        raise source.fail("anchor: from_measure_end starts at the end of the measure an event names; give both", "anchor")
    if spec.anchor.joined_kinds and spec.anchor.joined is None:
        raise source.fail("anchor: joined_kinds needs joined", "anchor")
    _event(source, spec.anchor.event, "anchor")
    for index, met in enumerate(spec.met_by):
        given = [name for name in ("event", "measure_end", "interrogation", "extension_requested")
                 if getattr(met, name) not in (None, False)]
        if len(given) != 1:
            raise source.fail(f"met_by[{index}]: give exactly one of event, measure_end: true, interrogation: true, "
                              "extension_requested: true", "met_by", index)
        if met.extension_requested and spec.before_expiry is None:
            raise source.fail(f"met_by[{index}]: extension_requested meets only a before_expiry deadline", "met_by", index)
        _event(source, met.event, "met_by", index)
    period = _period(source, spec.period, params, "period")
    extensions = []
    for index, option in enumerate(spec.extensions):
        if (option.adds is None) == (option.total is None):
            raise source.fail(f"extensions[{index}]: give exactly one of adds and total", "extensions", index)
        adds = None if option.adds is None else _period(source, option.adds, params, "extensions", index)
        total = None if option.total is None else _period(source, option.total, params, "extensions", index)
        if (adds or total or period)[1] == "hours" and period[1] != "hours":
            raise source.fail(f"extensions[{index}]: an hour period cannot extend a day or month period",
                              "extensions", index)
        extensions.append(CompiledExtension(option, _label(option.citation, ruleset), adds, total))
    exceptions = []
    for index, exception in enumerate(spec.exceptions):
        if exception.event is None and exception.when is None:
            raise source.fail(f"exceptions[{index}]: give an event, a when condition, or both", "exceptions", index)
        _event(source, exception.event, "exceptions", index)
        _event(source, exception.resumes_on, "exceptions", index)
        condition = _condition(source, exception.when, values, "exceptions", index, "when")
        exceptions.append(CompiledDeadlineException(exception, _label(exception.citation, ruleset), condition))
    return CompiledDeadline(
        spec.id, ruleset, spec, _label(spec.citation, ruleset), period, spec.period,
        _condition(source, spec.when, values, "when"), tuple(extensions), tuple(exceptions),
        source.path.name, source.line, _lead(source, params),
    )


def _lead(source: DeadlineSource, params: dict[str, Parameter]) -> PeriodSpec | None:
    """A before_expiry deadline's lead time, checked: days, an extension it lists, a measure anchor."""
    before = source.spec.before_expiry
    if before is None:
        return None
    if source.spec.anchor.measure is None or source.spec.anchor.event is not None or source.spec.anchor.joined:
        raise source.fail("before_expiry: the request extends a measure's period; anchor on a measure kind",
                          "before_expiry")
    if before.extension not in {option.basis for option in source.spec.extensions}:
        raise source.fail(f"before_expiry: extension {before.extension!r} is not among this deadline's extensions",
                          "before_expiry")
    lead = _period(source, before.lead, params, "before_expiry")
    if lead[1] != "days":
        raise source.fail(f"before_expiry: lead {before.lead!r} must be in days; it is {lead[1]}", "before_expiry")
    return lead
