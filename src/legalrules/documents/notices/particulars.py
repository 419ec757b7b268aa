"""The particulars a notice takes from the case file, each with the field it came from.

Why from the case file, not the decision: the decision is the legal answer (what is
due, by when, under which article, whether it was met) and stays free of personal
particulars such as the suspect's name, which it does not need. A notice needs them,
so it reads them from the case the decision was made from, at the items the decision
itself points to (`measures[1]`, `events[3]`, `interrogations[0].interruptions[0]`),
and lists every one it used, by field, at its end. A particular the case leaves out
is never guessed: it becomes a marked blank to fill in. The place of custody has no
field in the case contract at all, so it is always such a blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ...case.model import CaseFacts, Event, Interrogation, Interruption, Measure
from ...decision.model import Decision
from .words import Lang, instant, word, yes_no
from ...errors import InputError

_INDEXED = re.compile(r"^(measures|events|interrogations)\[(\d+)\](?:\.interruptions\[(\d+)\])?$")
_EVENT_REF = re.compile(r"events\[(\d+)\]")


@dataclass(frozen=True)
class Particular:
    """A fact of the case a notice shows: its label, the case field, and its value (None: a blank to fill)."""

    label: str
    field: str | None
    value: str | None


def event_index(text: str | None) -> int | None:
    """The index of the first `events[i]` the decision names in a text (met_by, exception), if any."""
    match = _EVENT_REF.search(text or "")
    return int(match.group(1)) if match else None


class CaseParticulars:
    """Reads particulars for one notice from the case the decision was made from, recording each one used."""

    def __init__(self, case: CaseFacts, decision: Decision, lang: Lang) -> None:
        if case.case.id != decision.case_id:
            raise InputError(f"the case file is case {case.case.id!r} but the decision is of case "
                             f"{decision.case_id!r}; a notice needs the case its decision was made from")
        self.case, self.lang = case, lang
        self.used: list[Particular] = []

    def _take(self, key: str, field: str | None, value: str | None) -> Particular:
        found = Particular(word(key, self.lang), field, value or None)
        if found not in self.used:
            self.used.append(found)
        return found

    def _at(self, subject: str, collection: str) -> tuple[int, int | None]:
        match = _INDEXED.match(subject)
        if match is None or match.group(1) != collection:
            raise InputError(f"the decision names {subject!r}; expected an item of {collection}[]")
        size = len(getattr(self.case, collection))
        index = int(match.group(2))
        if index >= size:
            raise InputError(f"the decision names {subject} but the case file has {size} {collection}; "
                             "a notice needs the case its decision was made from")
        return index, int(match.group(3)) if match.group(3) is not None else None

    def measure(self, subject: str, kind: str) -> Measure:
        """The measure a deadline's subject names, checked to be of the kind the notice is about."""
        found = self.case.measures[self._at(subject, "measures")[0]]
        if found.kind != kind:
            raise InputError(f"the decision names {subject} as a {kind} but the case file has a {found.kind} "
                             "there; a notice needs the case its decision was made from")
        return found

    def event(self, index: int) -> Event:
        """An event the decision names by index."""
        return self.case.events[self._at(f"events[{index}]", "events")[0]]

    def interrogation(self, subject: str) -> Interrogation:
        """The interrogation a conclusion's subject names."""
        return self.case.interrogations[self._at(subject, "interrogations")[0]]

    def interruption(self, subject: str) -> Interruption:
        """The interruption a conclusion's subject names (`interrogations[i].interruptions[j]`)."""
        index, inner = self._at(subject, "interrogations")
        interruptions = self.case.interrogations[index].interruptions or []
        if inner is None or inner >= len(interruptions):
            raise InputError(f"the decision names {subject} but the case file has no such interruption")
        return interruptions[inner]

    def suspect_name(self) -> Particular:
        return self._take("suspect_name", "suspect.name", self.case.suspect.name)

    def charges(self) -> Particular:
        charges = [o.charge for o in self.case.offences or []]
        return self._take("charges", "offences[].charge", ("；" if self.lang == "zh" else "; ").join(charges))

    def deciding_organ(self, subject: str, measure: Measure) -> Particular:
        organ = word(measure.decided_by, self.lang) if measure.decided_by else None
        return self._take("deciding_organ", f"{subject}.decided_by", organ)

    def place_of_custody(self, subject: str, measure: Measure) -> Particular:
        """Where the person is held, from the measure's `custody_place`; a blank if the case leaves it out."""
        return self._take("place_of_custody", f"{subject}.custody_place", measure.custody_place)

    def family_addressee(self, met_by_index: int | None) -> Particular:
        """Who was notified, from the recipient of the notification event that met the duty; else a blank."""
        if met_by_index is None:
            return self._take("family_addressee", "events[].recipient", None)
        return self._take("family_addressee", f"events[{met_by_index}].recipient",
                          self.event(met_by_index).recipient)

    def event_note(self, key: str, index: int | None) -> Particular:
        """The note of the event the decision names (e.g. why notice was impossible); a blank if none."""
        note = self.event(index).note if index is not None else None
        return self._take(key, f"events[{index}].note" if index is not None else None, note)

    def arrival_kind(self, event: Event) -> str | None:
        """The kind of the measure an arrival names (summons or compelled appearance), if it names one."""
        kinds = [m.kind for m in self.case.measures if event.measure is not None and m.id == event.measure]
        return kinds[0] if kinds else None

    def arrival_measure(self, event: Event) -> Particular:
        """Whether an arrival was under a summons or a compelled appearance: the measure its event names."""
        kind = self.arrival_kind(event)
        field = f"measures[id={event.measure}].kind" if event.measure else "events[].measure"
        return self._take("arrival_measure", field, word(kind, self.lang) if kind else None)

    def moment(self, key: str, field: str, value: datetime | None) -> Particular:
        return self._take(key, field, instant(value, self.lang) if value else None)

    def named(self, key: str, field: str, identifier: str | None) -> Particular:
        """A fact whose value is an identifier (a place, a reason), in the language's words."""
        return self._take(key, field, word(identifier, self.lang) if identifier else None)

    def flag(self, key: str, field: str, value: bool | None) -> Particular:
        return self._take(key, field, yes_no(value, self.lang))

    def text(self, key: str, field: str | None, value: str | None) -> Particular:
        return self._take(key, field, value)
