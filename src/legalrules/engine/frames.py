"""Frames: the case cut into the units rules speak about, each with its known facts.

One `case` frame, one frame per interrogation, one per interruption of a
recording. A frame holds only *known* facts: an unknown fact is simply absent,
which both evaluators read as unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from collections.abc import Callable
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel

from ..case.model import CaseFacts, Interrogation, Interruption, Offence
from ..ruleformat.catalog import Scope, Value
from .codegen import OFFENCES_KEY
from ..case.instants import age_on, local
from ..interpretations import Interpretations


@dataclass
class Frame:
    """One unit of evaluation: its id, scope, ancestors, known facts and governing date."""

    id: str
    scope: Scope
    ancestors: dict[str, str]
    facts: dict[str, Value]
    offences: list[dict[str, Value]] | None
    date: date
    date_source: str
    notes: list[str] = field(default_factory=list)


_SCALARS = (bool, int, float, str)


def _is_scalar(annotation: Any) -> bool:
    """Whether a field holds a bool, number, text or literal (not a date, list or model)."""
    if annotation in _SCALARS:
        return True
    args = get_args(annotation)
    if get_origin(annotation) is Literal:
        return True
    if get_origin(annotation) is Annotated:
        return _is_scalar(args[0])
    return bool(args) and all(a is type(None) or _is_scalar(a) for a in args)
_SKIPPED = frozenset({"id", "name", "charge"})
_EXTRACTORS: dict[tuple[type, str], Callable[[dict[str, Any], dict[str, Value]], None]] = {}


def _extractor(model_type: type[BaseModel], prefix: str) -> Callable[[dict[str, Any], dict[str, Value]], None]:
    """An unrolled function copying a model's known scalar fields (the bulk hot path)."""
    lines = ["def extract(d, out):"]
    for name, field in model_type.model_fields.items():
        if name not in _SKIPPED and _is_scalar(field.annotation):
            lines.append(f"    v = d[{name!r}]")
            lines.append(f"    if v is not None: out[{prefix + '.' + name!r}] = v")
    lines.append("    return None")
    namespace: dict[str, Any] = {}
    from ..ruleformat.cache import compile_source  # noqa: PLC0415 - _cache imports the loader, which imports us

    exec(compile_source("\n".join(lines) + "\n", f"<legalrules facts of {model_type.__name__}>"), namespace)  # noqa: S102
    function: Callable[[dict[str, Any], dict[str, Value]], None] = namespace["extract"]
    return function


def _known(prefix: str, model: BaseModel | None, out: dict[str, Value]) -> None:
    """Copy a model's known scalar facts into `out` as `prefix.field`."""
    if model is None:
        return
    extract = _EXTRACTORS.get((type(model), prefix))
    if extract is None:
        extract = _EXTRACTORS[(type(model), prefix)] = _extractor(type(model), prefix)
    extract(model.__dict__, out)


def max_penalty(maximum: str | int | None) -> str | None:
    """The derived fact `offence.max_penalty`: death, life or fixed_term."""
    if maximum is None:
        return None
    return maximum if maximum in ("death", "life") else "fixed_term"


def fixed_term_years(maximum: str | int | None) -> int | None:
    """The derived fact `offence.max_fixed_term_years`: the top of a fixed-term range."""
    return maximum if isinstance(maximum, int) and not isinstance(maximum, bool) else None


def _offence_facts(offence: Offence) -> dict[str, Value]:
    facts: dict[str, Value] = {}
    _known("offence", offence, facts)
    maximum = facts.pop("offence.statutory_max", None)
    for name, value in (("offence.max_penalty", max_penalty(maximum)),  # type: ignore[arg-type]
                        ("offence.max_fixed_term_years", fixed_term_years(maximum))):  # type: ignore[arg-type]
        if value is not None:
            facts[name] = value
    return facts


_ONE_DAY = timedelta(days=1)


def _age_from_day_after_birthday(birth: date, day: date) -> int:
    return age_on(birth, day - _ONE_DAY)


def age_function(interpretations: Interpretations) -> Callable[[date, date], int]:
    """The suspect's completed years on a day, under the chosen age-counting reading."""
    if interpretations.age_counting == "from_day_after_birthday":
        return _age_from_day_after_birthday
    return age_on


def earliest_instant(case: CaseFacts) -> tuple[datetime, str] | None:
    """The case's earliest known instant and where it comes from: the case frame's date."""
    found: list[tuple[datetime, str]] = []
    for i, item in enumerate(case.interrogations):
        if item.start is not None:
            found.append((item.start, f"interrogations[{i}].start"))
    for i, measure in enumerate(case.measures):
        if measure.start is not None:
            found.append((measure.start, f"measures[{i}].start"))
    for i, event in enumerate(case.events):
        if event.at is not None:
            found.append((event.at, f"events[{i}].at"))
    return min(found, key=lambda pair: pair[0]) if found else None


def _interrogation_frame(
    index: int, item: Interrogation, case: CaseFacts, base: dict[str, Value], offences: Any,
    as_of: datetime, interpretations: Interpretations,
) -> Frame:
    frame_id = f"interrogations[{index}]"
    facts = dict(base)
    _known("interrogation", item, facts)
    _known("interrogation.review", item.review, facts)
    if item.interruptions is not None:
        facts["interrogation.interrupted"] = len(item.interruptions) > 0
    notes = []
    if item.start is not None:
        day, source = local(item.start).date(), f"{frame_id}.start"
    else:
        day, source = local(as_of).date(), "as_of"
        notes.append(
            f"{frame_id}.start is unknown: its rules are selected, and the suspect's age "
            f"computed, as of {day.isoformat()} (--as-of)"
        )
    if case.suspect.birth_date is not None:
        facts["suspect.age_at_interrogation"] = age_function(interpretations)(case.suspect.birth_date, day)
    if item.person_birth_date is not None:
        facts["interrogation.person_age"] = age_function(interpretations)(item.person_birth_date, day)
    return Frame(frame_id, "interrogation", {"case": "case", "interrogation": frame_id},
                 facts, offences, day, source, notes)


def _interruption_frame(parent: Frame, index: int, item: Interruption) -> Frame:
    frame_id = f"{parent.id}.interruptions[{index}]"
    facts = dict(parent.facts)
    _known("interruption", item, facts)
    ancestors = dict(parent.ancestors, interruption=frame_id)
    return Frame(frame_id, "interruption", ancestors, facts, parent.offences,
                 parent.date, parent.date_source)


def offence_day(case: CaseFacts) -> date | None:
    """The day of the case's earliest offence, known only when every offence is dated.

    With one offence undated, any of them could be the earliest, so the suspect's age at
    the offence is unknown rather than read from the dated ones.
    """
    if not case.offences:
        return None
    days = [offence.committed_on for offence in case.offences]
    if any(day is None for day in days):
        return None
    return min(day for day in days if day is not None)


def arrest_request_day(case: CaseFacts, as_of_day: date) -> date:
    """The local day of the case's first arrest_approval_requested event with a time; else the as_of day.

    With no request recorded, the arrest review a rule speaks of is still to come, so the
    suspect's age is read as of the question asked.
    """
    times = [event.at for event in case.events if event.kind == "arrest_approval_requested" and event.at is not None]
    return local(min(times)).date() if times else as_of_day


def _ages(case: CaseFacts, as_of: datetime, interpretations: Interpretations, out: dict[str, Value]) -> None:
    """The case-level ages (at the offence, at the arrest request) and the minor-suspect reading in force."""
    out["interpretation.minor_suspect"] = interpretations.minor_suspect
    birth = case.suspect.birth_date
    if birth is None:
        return
    age_of = age_function(interpretations)
    for name, day in (("suspect.age_at_offence", offence_day(case)),
                      ("suspect.age_at_arrest_request", arrest_request_day(case, local(as_of).date()))):
        if day is not None:
            out[name] = age_of(birth, day)


def recording_requested(case: CaseFacts) -> bool | None:
    """The derived fact: true when an event says a court or procuratorate asked; else unknown."""
    if any(e.kind == "recording_requested_by_court_or_procuratorate" for e in case.events):
        return True
    return None


def build_frames(case: CaseFacts, as_of: datetime, interpretations: Interpretations) -> list[Frame]:
    """Cut a case into frames, parents before children."""
    base: dict[str, Value] = {}
    _known("case", case.case, base)
    _known("suspect", case.suspect, base)
    _known("circumstances", case.circumstances, base)
    if recording_requested(case):
        base["case.recording_requested_by_court_or_procuratorate"] = True
    _ages(case, as_of, interpretations, base)
    offences = None if case.offences is None else [_offence_facts(o) for o in case.offences]
    earliest = earliest_instant(case)
    if earliest is not None:
        case_day, case_source = local(earliest[0]).date(), earliest[1]
    else:
        case_day, case_source = local(as_of).date(), "as_of"
    if offences is not None:
        base[OFFENCES_KEY] = offences  # type: ignore[assignment]
    frames = [Frame("case", "case", {"case": "case"}, base, offences, case_day, case_source)]
    for index, item in enumerate(case.interrogations):
        parent = _interrogation_frame(index, item, case, base, offences, as_of, interpretations)
        frames.append(parent)
        for sub_index, sub in enumerate(item.interruptions or []):
            frames.append(_interruption_frame(parent, sub_index, sub))
    return frames
