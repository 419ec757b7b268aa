"""Facts of one case that contradict each other: found when the case is loaded, refused as input errors.

Each field is valid on its own, yet together they can describe something that cannot
have happened: a measure that ends before it starts (Art. 91 then comes out "met" before
its clock began), a suspect born after being interrogated (an age of -65, so a "minor"),
two measures with one id, an event naming a measure the case does not have (silently
ignored, so the answer is wrong), an arrest request naming a summons. The engine would
answer such a case confidently and wrongly, so every contradiction is a problem naming
the fields involved, and the case is refused with all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from .instants import local
from .model import CaseFacts, Event, Measure

Location = tuple[str | int, ...]

# The measures an event may name (`events[].measure`), for the events whose law ties them
# to kinds of measure; an event not listed may name any measure.
_CUSTODY = ("detention", "arrest")
_NOTIFIED = ("detention", "arrest", "designated_residence_surveillance")  # CPL Arts. 75, 85, 93
_NOT_A_SUMMONS = ("detention", "arrest", "bail", "residential_surveillance", "designated_residence_surveillance")
EVENT_MEASURES: dict[str, tuple[str, ...]] = {
    "arrived_for_questioning": ("summons", "compelled_appearance"),  # CPL Art. 119
    "transferred_to_detention_house": _CUSTODY,  # CPL Arts. 85, 93
    "family_notified": _NOTIFIED,
    "family_notification_impossible": _NOTIFIED,
    "notice_may_hinder_investigation": _NOTIFIED,
    "investigation_obstacle_ended": _NOTIFIED,
    "work_unit_notified": _CUSTODY,  # procuratorate_1999 Arts. 80, 115
    "interrogated": _CUSTODY,  # CPL Arts. 86, 94: questioning within 24 hours of custody
    # An arrest is asked for, approved or declined for a suspect detained, on bail or under
    # surveillance (CPL Arts. 87-91), never for one merely summoned or compelled to appear.
    "arrest_approval_requested": _NOT_A_SUMMONS,
    "arrest_approved": _NOT_A_SUMMONS,
    "arrest_not_approved": _NOT_A_SUMMONS,
    "arrest_decided": _NOT_A_SUMMONS,
    "arrest_review_referred": _NOT_A_SUMMONS,
    "arrest_declined": _NOT_A_SUMMONS,
    "release_requested_period_exceeded": _NOT_A_SUMMONS,  # procuratorate_1999 Arts. 62, 75, 85, 96
    "release_request_decided": _NOT_A_SUMMONS,
    "npc_standing_committee_delay_approved": ("arrest",),  # CPL Art. 157
    "transferred_for_prosecution_review": _NOT_A_SUMMONS,
}
# Events that happen because the measure they name was applied, so never before it began;
# the transfer to a detention house also never after the custody ended.
_AFTER_START = frozenset({
    "transferred_to_detention_house", "family_notified", "work_unit_notified", "interrogated",
    "arrest_approval_requested", "release_requested_period_exceeded",
})
_WITHIN = frozenset({"transferred_to_detention_house"})
SHOWN_IDS = 10


@dataclass(frozen=True)
class Contradiction:
    """One inconsistency: the field it is reported at, what the case says, and what would be consistent."""

    location: Location
    received: str
    expected: str


def _when(moment: datetime) -> str:
    return local(moment).isoformat()


def _ids(values: Iterable[str]) -> str:
    listed = sorted(set(values))
    if not listed:
        return "the case gives none"
    shown = ", ".join(repr(v) for v in listed[:SHOWN_IDS])
    return f"one of {shown}" + (f" and {len(listed) - SHOWN_IDS} more" if len(listed) > SHOWN_IDS else "")


def _spans(case: CaseFacts) -> list[Contradiction]:
    """Every end at or after its start, and each interruption inside its interrogation."""
    found = []
    for index, measure in enumerate(case.measures):
        if measure.start and measure.end and measure.end < measure.start:
            found.append(Contradiction(("measures", index, "end"), f"{_when(measure.end)}, before the start "
                                       f"{_when(measure.start)}", f"an end at or after measures[{index}].start"))
    for index, item in enumerate(case.interrogations):
        where = ("interrogations", index)
        if item.start and item.end and item.end < item.start:
            found.append(Contradiction((*where, "end"), f"{_when(item.end)}, before the start {_when(item.start)}",
                                       f"an end at or after interrogations[{index}].start"))
        for number, gap in enumerate(item.interruptions or []):
            at = (*where, "interruptions", number)
            if gap.start and gap.end and gap.end < gap.start:
                found.append(Contradiction((*at, "end"), f"{_when(gap.end)}, before the start {_when(gap.start)}",
                                           "an end at or after the interruption's start"))
            if gap.start and item.start and gap.start < item.start:
                found.append(Contradiction((*at, "start"), f"{_when(gap.start)}, before the interrogation began "
                                           f"({_when(item.start)})", "an interruption inside its interrogation"))
            if gap.end and item.end and gap.end > item.end:
                found.append(Contradiction((*at, "end"), f"{_when(gap.end)}, after the interrogation ended "
                                           f"({_when(item.end)})", "an interruption inside its interrogation"))
    return found


def _dated(case: CaseFacts) -> Iterable[tuple[Location, datetime]]:
    for index, item in enumerate(case.interrogations):
        if item.start:
            yield ("interrogations", index, "start"), item.start
    for index, measure in enumerate(case.measures):
        if measure.start:
            yield ("measures", index, "start"), measure.start
    for index, event in enumerate(case.events):
        if event.at:
            yield ("events", index, "at"), event.at


def _births(case: CaseFacts) -> list[Contradiction]:
    """The suspect born before every dated fact; a person questioned before that questioning."""
    found = []
    birth = case.suspect.birth_date
    if birth is not None:
        dated = [(where, moment) for where, moment in _dated(case) if local(moment).date() < birth]
        if dated:
            where, moment = min(dated, key=lambda pair: pair[1])
            field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where).lstrip(".")
            found.append(Contradiction(("suspect", "birth_date"), f"{birth}, after {field} ({_when(moment)})",
                                       "a birth date before every dated fact of the case"))
    for index, item in enumerate(case.interrogations):
        if item.person_birth_date and item.start and local(item.start).date() < item.person_birth_date:
            found.append(Contradiction(("interrogations", index, "person_birth_date"),
                                       f"{item.person_birth_date}, after the questioning began ({_when(item.start)})",
                                       "a birth date before the questioning"))
    return found


def _offence_dates(case: CaseFacts) -> list[Contradiction]:
    """Each offence committed after the suspect's birth and by the last interrogation or measure of the case.

    The case does not link an interrogation or a measure to the offence it concerns, and
    a suspect may commit a new offence while on bail, so an offence committed after the
    first of them is possible; one committed after every one of them is investigated by
    none of them, and its date is a mistake.
    """
    found = []
    birth = case.suspect.birth_date
    acts = [(item.start, f"interrogations[{i}].start") for i, item in enumerate(case.interrogations) if item.start]
    acts += [(measure.start, f"measures[{i}].start") for i, measure in enumerate(case.measures) if measure.start]
    latest = max(acts, key=lambda pair: pair[0]) if acts else None
    for index, offence in enumerate(case.offences or []):
        day = offence.committed_on
        if day is None:
            continue
        where = ("offences", index, "committed_on")
        if birth is not None and day < birth:
            found.append(Contradiction(where, f"{day}, before the suspect was born ({birth})",
                                       "an offence committed on or after suspect.birth_date"))
        if latest is not None and day > local(latest[0]).date():
            found.append(Contradiction(where, f"{day}, after every interrogation and measure of the case (the last, "
                                       f"{latest[1]}, {_when(latest[0])})",
                                       "an offence committed on or before the last interrogation or measure of the case"))
    return found


def _unique(items: Sequence[object], list_name: str) -> list[Contradiction]:
    first: dict[str, int] = {}
    found = []
    for index, item in enumerate(items):
        identifier = getattr(item, "id", None)
        if identifier is None:
            continue
        if identifier in first:
            found.append(Contradiction((list_name, index, "id"), f"{identifier!r}, already the id of "
                                       f"{list_name}[{first[identifier]}]", f"ids unique within {list_name}[]"))
        else:
            first[identifier] = index
    return found


def _event(index: int, event: Event, measures: dict[str, Measure], interrogations: set[str]) -> list[Contradiction]:
    """An event's references resolve, to a measure of a fitting kind, and it lies in that measure's life."""
    found = []
    where = ("events", index)
    if event.interrogation is not None and event.interrogation not in interrogations:
        found.append(Contradiction((*where, "interrogation"), f"{event.interrogation!r}, which no interrogation has",
                                   f"the id of an interrogation in interrogations[] ({_ids(interrogations)})"))
    if event.measure is None:
        return found
    measure = measures.get(event.measure)
    if measure is None:
        found.append(Contradiction((*where, "measure"), f"{event.measure!r}, which no measure has",
                                   f"the id of a measure in measures[] ({_ids(measures)})"))
        return found
    allowed = EVENT_MEASURES.get(event.kind)
    if allowed is not None and measure.kind not in allowed:
        found.append(Contradiction((*where, "measure"), f"{event.measure!r}, a {measure.kind} measure",
                                   f"a {event.kind} event to name a measure of kind {', '.join(allowed)}"))
    if event.at is not None and event.kind in _AFTER_START and measure.start and event.at < measure.start:
        found.append(Contradiction((*where, "at"), f"{_when(event.at)}, before measure {event.measure!r} began "
                                   f"({_when(measure.start)})", f"a {event.kind} event after the measure began"))
    if event.at is not None and event.kind in _WITHIN and measure.end and event.at > measure.end:
        found.append(Contradiction((*where, "at"), f"{_when(event.at)}, after measure {event.measure!r} ended "
                                   f"({_when(measure.end)})", f"a {event.kind} event before the measure ended"))
    return found


def contradictions(case: CaseFacts) -> list[Contradiction]:
    """Every place the case contradicts itself, in field order; empty for a consistent case."""
    found = _spans(case) + _births(case) + _offence_dates(case)
    found += _unique(case.measures, "measures") + _unique(case.interrogations, "interrogations")
    measures: dict[str, Measure] = {}
    for measure in case.measures:
        if measure.id is not None:
            measures.setdefault(measure.id, measure)
    interrogations = {item.id for item in case.interrogations if item.id is not None}
    for index, event in enumerate(case.events):
        found += _event(index, event, measures, interrogations)
    return found
