"""Where a deadline's clock starts: the case items of the anchor's kind, and the events that concern one.

A deadline's anchor names a measure kind or an event kind (see `ruleformat.schema.Anchor`);
every case item of that kind starts one clock. An anchor with `held_in` starts a clock only
on an event while the suspect is held in that kind of measure (CPL Art. 91 para. 3 times
the decision on a *detained* person's arrest): the event's own measure says so, else a
measure running at the event's time; when the case shows neither, whether the clock
applies is undetermined.
"""

from __future__ import annotations

from dataclasses import dataclass

from datetime import datetime

from ..case.model import CaseFacts, Event, Measure
from .case_index import CaseIndex
from ..decision.tristate import Tri
from ..ruleformat.compiled import CompiledDeadline
from ..ruleformat.schema import Anchor
from ..legaltime.wording import format_instant


@dataclass(frozen=True)
class ClockStart:
    """One start of a clock: the case item, its instant, and the measure it concerns.

    `held` says whether the suspect was held as the anchor's `held_in` asks (True when
    it asks nothing); `held_text` says what in the case shows it.
    """

    subject: str
    text: str
    at: datetime
    measure: Measure | None
    measure_path: str | None
    interrogation: str | None = None
    held: Tri = True
    held_text: str = ""


def _measure_fits(anchor: Anchor, measure: Measure | None) -> bool:
    """Whether a measure is of the anchor's kind and, if the anchor says, decided by its organ."""
    return measure is not None and measure.kind == anchor.measure and (
        anchor.decided_by is None or measure.decided_by == anchor.decided_by)


def held_in(case: CaseFacts, event: Event, kind: str) -> tuple[Tri, str]:
    """Whether the suspect was held in a `kind` measure when `event` happened, and what shows it."""
    assert event.at is not None
    named = next((m for m in case.measures if event.measure is not None and m.id == event.measure), None)
    if named is not None:
        return named.kind == kind, f"the event names measure {event.measure}, a {named.kind}"
    at = event.at
    running = [m for m in case.measures if m.start is not None and m.start <= at and (m.end is None or at < m.end)]
    if any(m.kind == kind for m in running):
        return True, f"a {kind} measure was in force at {format_instant(at)}"
    if running:
        kinds = ", ".join(sorted({m.kind for m in running}))
        return False, f"at {format_instant(at)} the case shows the suspect under {kinds}, not {kind}"
    return None, f"the case shows no measure in force at {format_instant(at)} and the event names none"


def _last_to_end(run: list[tuple[int, Measure]]) -> tuple[int, Measure]:
    """The measure of a run that ends last; one with no end yet ends last of all."""
    open_ended = [pair for pair in run if pair[1].end is None]
    if open_ended:
        return open_ended[-1]
    return max(run, key=lambda pair: pair[1].end)  # type: ignore[arg-type, return-value]


def _runs(measures: list[tuple[int, Measure]]) -> list[list[tuple[int, Measure]]]:
    """Measures in order of start, each joining the run before it when it starts by that run's end."""
    runs: list[list[tuple[int, Measure]]] = []
    for index, measure in sorted(measures, key=lambda pair: (pair[1].start, pair[0])):
        last = _last_to_end(runs[-1])[1] if runs else None
        if last is not None and last.end is not None and measure.start is not None and measure.start <= last.end:
            runs[-1].append((index, measure))
        else:
            runs.append([(index, measure)])
    return runs


def _joined_starts(anchor: Anchor, case: CaseIndex, by: str) -> tuple[list[ClockStart], str]:
    """One clock per run of back-to-back measures: from the first start to the last end (a cumulative period).

    The clock's measure is the first one with the run's last end, so that `measure_end`
    is met by the end of the whole run; extensions and travel are the first measure's.
    """
    assert anchor.measure is not None  # the loader requires a measure kind with joined
    kinds = [anchor.measure, *anchor.joined_kinds]
    dated = [(i, m) for kind in kinds for i, m in case.measures_of(kind)
             if m.start and (anchor.decided_by is None or m.decided_by == anchor.decided_by)]
    found = []
    for run in _runs(dated):
        if anchor.joined == "back_to_back_only" and len(run) < 2:
            continue
        (first_index, first), (last_index, last) = run[0], _last_to_end(run)
        whole = first if len(run) == 1 else first.model_copy(update={"end": last.end})
        paths = [f"measures[{i}]" for i, _ in run]
        text = (f"{paths[0]} ({first.kind}) started" if len(run) == 1 else
                f"{paths[0]} ({first.kind}) started and " + ", ".join(
                    f"{path} ({m.kind}) began by the end of the one before" for path, (_, m) in zip(paths[1:], run[1:]))
                + f", so they are counted as one, to the end of measures[{last_index}]")
        found.append(ClockStart(paths[0], text, first.start, whole,  # type: ignore[arg-type]
                                f"measures[{first_index}]" if len(run) == 1 else f"measures[{last_index}]"))
    what = " or ".join(kinds)
    missing = (f"no two {what} measures{by} in measures[] where one began by the end of the other"
               if anchor.joined == "back_to_back_only" else f"no {what} measure{by} with a start time in measures[]")
    return found, missing


def clock_starts(deadline: CompiledDeadline, case: CaseIndex) -> tuple[list[ClockStart], str]:
    """The case items that start this deadline's clock, and what is missing if none does."""
    anchor = deadline.spec.anchor
    found: list[ClockStart] = []
    by = f" decided by the {anchor.decided_by.replace('_', ' ')}" if anchor.decided_by else ""
    if anchor.joined is not None:
        return _joined_starts(anchor, case, by)
    if anchor.event is None:
        assert anchor.measure is not None  # the schema requires an event or a measure
        of_kind = [m for _, m in case.measures_of(anchor.measure)]
        for index, measure in case.measures_of(anchor.measure):
            if _measure_fits(anchor, measure) and measure.start is not None:
                found.append(ClockStart(f"measures[{index}]", f"measures[{index}] ({measure.kind}) started",
                                        measure.start, measure, f"measures[{index}]"))
        undated = any(_measure_fits(anchor, m) and m.start is None for m in of_kind)
        missing = (f"the {anchor.measure} measure{by} in measures[] has no start time" if undated
                   else f"no {anchor.measure} measure{by} with a start time in measures[]")
        if not undated and by and of_kind:
            missing += f" (a measure's decided_by must say it was decided by the {anchor.decided_by})"
        before = deadline.spec.before_expiry
        if before is not None:
            # A request for an extension is due only where one is sought: the case lists it.
            found = [start for start in found if start.measure is not None
                     and any(e.basis == before.extension for e in start.measure.extensions or [])]
            missing = (f"no {anchor.measure} measure{by} with a start time in measures[] whose extensions[] list "
                       f"a {before.extension} extension")
        return found, missing
    for index, event in case.events_of(anchor.event):
        if event.at is not None:
            concerned = case.measure(event.measure)
            if anchor.measure is not None and not _measure_fits(anchor, None if concerned is None else concerned[1]):
                continue
            held, held_text = (True, "") if anchor.held_in is None else held_in(case.case, event, anchor.held_in)
            start, text = event.at, f"events[{index}] ({event.kind})"
            if anchor.from_measure_end:
                if concerned is None or concerned[1].end is None:
                    continue  # the release that executes the decision is not recorded yet
                start = max(event.at, concerned[1].end)
                text += f"; measures[{concerned[0]}] ({concerned[1].kind}) ended, executing it"
            found.append(ClockStart(f"events[{index}]", text, start,
                                    None if concerned is None else concerned[1],
                                    None if concerned is None else f"measures[{concerned[0]}]", event.interrogation,
                                    held, held_text))
    named = {start.measure.id for start in found if start.measure is not None}
    for kind in anchor.or_start_of:
        for index, measure in case.measures_of(kind):
            if measure.start is None or (measure.id is not None and measure.id in named):
                continue
            found.append(ClockStart(
                f"measures[{index}]", f"measures[{index}] ({measure.kind}) started; no {anchor.event} event names "
                "it, so its start is read as the start of the clock", measure.start, measure, f"measures[{index}]"))
    if anchor.from_measure_end:
        return found, (f"no {anchor.event} event with a time in events[] naming (by `measure`) "
                       f"{'an' if anchor.measure and anchor.measure[0] in 'aeiou' else 'a'} {anchor.measure} measure "
                       "that has ended (measures[].end: the release executing it)")
    if anchor.measure is not None:
        return found, (f"no {anchor.event} event with a time in events[] naming (by `measure`) "
                       f"{'an' if anchor.measure[0] in 'aeiou' else 'a'} {anchor.measure} measure{by}")
    return found, f"no {anchor.event} event with a time in events[]"


def concerns(event: Event, anchor: ClockStart) -> bool:
    """An event naming a measure (or an interrogation) counts only for an anchor of that one; naming none, for any."""
    measure_ok = event.measure is None or anchor.measure is None or anchor.measure.id in (None, event.measure)
    return measure_ok and (event.interrogation is None or anchor.interrogation in (None, event.interrogation))
