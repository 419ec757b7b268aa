"""The three memos: recording determination, pending deadlines, summons time record.

Like the family notices (`documents.notices.view`), each is prepared from the decision in one
language; the case file supplies only the particulars the decision points to (an
interrogation's times and place, an interruption's times and reason, the measure an
arrival was under). Rule titles and reasons exist in the decision in English only; a
Chinese memo shows the citation and the quoted clause, and the consequence of a miss
from `if_missed_zh`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...case.model import CaseFacts
from ...decision.deadlines import DeadlineOutcome
from ...decision.model import ConclusionOutcome, Decision
from ..deadline_words import deadline_warnings
from ..engine_zh import sentence_zh
from ..subjects import SubjectNames
from ..vocabulary import Vocabulary
from .calls import NoticeCall, pending_outcomes, recording_conclusions, summons_outcomes
from .particulars import Particular
from .view import Basis, Frame, NoticeView
from .words import Lang, duration, period, word

# The Art. 14 and 15 conclusions on an interruption, in the order an officer meets them.
INTERRUPTION_CONCLUSIONS = ("suspension_required", "continuation_permitted",
                            "continuation_statement_required", "resumption_explanation_required")


@dataclass(frozen=True)
class Ground:
    """A rule that established a conclusion: its basis and, in English, the engine's reason."""

    basis: Basis
    reason: str


@dataclass(frozen=True)
class ConclusionLine:
    """One conclusion on one subject: its value, grounds, and what the case shows of compliance."""

    name: str
    words: str
    value: str
    value_words: str
    grounds: list[Ground]
    not_held: list[str]
    considered: list[Basis]
    deciding_facts: list[str]
    compliance: str | None


@dataclass(frozen=True)
class InterruptionRecord:
    """An interruption of the recording (av_2014 Arts. 14-15): the facts and what the law asks of it."""

    subject: str
    name: str  # as the command line names it: `first的第1项中断`, `first interruption 1`
    start: Particular
    end: Particular
    reason: Particular
    suspended: Particular
    conclusions: list[ConclusionLine]


@dataclass(frozen=True)
class RecordingMemo:
    """Whether an interrogation must be recorded, on which grounds, and the record of each interruption."""

    suspect_name: Particular
    interrogation_id: Particular
    start: Particular
    end: Particular
    place: Particular
    required: ConclusionLine
    interruptions: list[InterruptionRecord]


@dataclass(frozen=True)
class DeadlineLine:
    """One deadline in a memo: what, on which subject, from when, due when, and on what basis."""

    duty: str
    title: str
    subject: str
    started: str
    due: str
    status_words: str
    time_left: str | None
    basis: Basis
    if_missed: str | None


@dataclass(frozen=True)
class DeadlineMemo:
    """Every deadline pending at the decision's as_of, and those already missed."""

    suspect_name: Particular
    pending: list[DeadlineLine]
    missed: list[DeadlineLine]
    warnings: list[str]


@dataclass(frozen=True)
class SummonsLimit:
    """One Art. 119 limit on an arrival: its length, end time and whether it applies."""

    duty: str
    period: str
    due: str
    alternative_due: str | None
    applies: str
    applies_words: str
    status_words: str
    ended_at: str | None
    basis: Basis


@dataclass(frozen=True)
class SummonsRecord:
    """The time record of a summons or compelled appearance: arrival, limit, end, food and rest."""

    suspect_name: Particular
    measure: Particular
    arrival: str
    limits: list[SummonsLimit]
    deciding_facts: list[str]


def _with_premises(decision: Decision, item: ConclusionOutcome) -> list[ConclusionOutcome]:
    """The conclusion and those its rules rest on (`conclusion:major_case`), on the same subject, depth first."""
    found, todo = [item], [item]
    while todo:
        current = todo.pop()
        rules = current.established_by if current.value == "true" else current.not_established_by
        readings = [r for rule in rules for r in ([*rule.satisfied_by] + ([rule.why_not] if rule.why_not else []))]
        for reading in readings:
            name = (reading.fact or "").removeprefix("conclusion:")
            if reading.fact and reading.fact.startswith("conclusion:"):
                premise = next((c for c in decision.conclusions if (c.ruleset, c.conclusion, c.subject)
                                == (item.ruleset, name, item.subject)), None)
                if premise is not None and premise not in found:
                    found.append(premise)
                    todo.append(premise)
    return found


def _conclusion(frame: Frame, item: ConclusionOutcome) -> ConclusionLine:
    """One conclusion with every ground behind it, its premises' grounds included (Art. 4 para. 1 and its items)."""
    lang, chain = frame.lang, _with_premises(frame.decision, item)
    grounds = [Ground(frame.rule_basis(r), r.reason) for c in chain if c.value == "true" for r in c.established_by]
    not_held = [f"{r.citation}: {r.why_not.condition} ({r.why_not.status})" for c in chain if c.value != "true"
                for r in c.not_established_by
                if r.why_not is not None and not (r.why_not.fact or "").startswith("conclusion:")]
    return ConclusionLine(
        name=item.conclusion, words=word(item.conclusion, lang, item.title), value=item.value,
        value_words=word(item.value, lang), grounds=grounds, not_held=not_held,
        considered=[frame.rule_basis(r) for c in chain if c.value != "true" for r in c.not_established_by],
        deciding_facts=list(item.deciding_facts),
        compliance=word(item.compliance.status, lang) if item.compliance is not None else None)


def _interruption(frame: Frame, subject: str) -> InterruptionRecord:
    found = frame.case.interruption(subject)
    by_name = {c.conclusion: c for c in frame.decision.conclusions if c.subject == subject}
    return InterruptionRecord(
        subject=subject, name=SubjectNames(frame.case.case, frame.lang).name(subject),
        start=frame.case.moment("interruption_start", f"{subject}.start", found.start),
        end=frame.case.moment("interruption_end", f"{subject}.end", found.end),
        reason=frame.case.named("interruption_reason", f"{subject}.reason", found.reason),
        suspended=frame.case.flag("interrogation_suspended", f"{subject}.interrogation_suspended",
                                  found.interrogation_suspended),
        conclusions=[_conclusion(frame, by_name[name]) for name in INTERRUPTION_CONCLUSIONS if name in by_name],
    )


def recording_memo(decision: Decision, case: CaseFacts, call: NoticeCall, lang: Lang) -> NoticeView:
    """The recording determination of one interrogation, with the Art. 14/15 record of each interruption."""
    frame = Frame(decision, case, lang)
    item = next(c for c in recording_conclusions(decision) if c.subject == call.subject)
    found, s = frame.case.interrogation(call.subject), call.subject
    prefix = f"{s}.interruptions["
    interruptions = sorted({c.subject for c in decision.conclusions if c.subject.startswith(prefix)},
                           key=lambda text: int(text[len(prefix):-1]))
    body = RecordingMemo(
        suspect_name=frame.case.suspect_name(),
        interrogation_id=frame.case.text("interrogation_id", f"{s}.id", found.id),
        start=frame.case.moment("interrogation_start", f"{s}.start", found.start),
        end=frame.case.moment("interrogation_end", f"{s}.end", found.end),
        place=frame.case.named("interrogation_place", f"{s}.place", found.place),
        required=_conclusion(frame, item),
        interruptions=[_interruption(frame, subject) for subject in interruptions],
    )
    # The legal basis: every rule that established a conclusion here, and, for one that does not
    # hold or is undetermined, every rule the decision tried.
    lines = [body.required, *(line for record in body.interruptions for line in record.conclusions)]
    bases = [basis for line in lines for basis in [*(g.basis for g in line.grounds), *line.considered]]
    key_time = body.start.value or frame.at(decision.as_of)
    return frame.view(call, key_time, body, list(dict.fromkeys(bases)), [])


def _deadline_line(frame: Frame, outcome: DeadlineOutcome, names: SubjectNames) -> DeadlineLine:
    lang = frame.lang
    return DeadlineLine(
        duty=word(outcome.duty, lang, outcome.title), title=outcome.title, subject=names.name(outcome.subject),
        started=frame.at(outcome.anchor_at), due=frame.at(outcome.due), status_words=word(outcome.status, lang),
        time_left=duration(outcome.time_left_seconds, lang) if outcome.time_left_seconds is not None else None,
        basis=frame.deadline_basis(outcome), if_missed=_if_missed(outcome, lang))


def _if_missed(outcome: DeadlineOutcome, lang: Lang) -> str | None:
    """What the law says follows a miss, in the memo's language (the loader requires both)."""
    return outcome.if_missed_zh if lang == "zh" else outcome.if_missed


def deadline_memo(decision: Decision, case: CaseFacts, call: NoticeCall, lang: Lang) -> NoticeView:
    """Every pending deadline of the case with due time, basis and consequence; then the missed ones."""
    frame = Frame(decision, case, lang)
    # Items by the case's own ids (`d1`), as the command line names them.
    names = SubjectNames(case, lang)
    pending = [_deadline_line(frame, o, names) for o in pending_outcomes(decision)]
    missed = [_deadline_line(frame, o, names) for o in decision.deadlines if o.status == "missed"]
    warnings = [names.relabel(w) for w in deadline_warnings(decision)]
    if lang == "zh":
        # Citations in a warning as the memo's basis column gives them: by the instrument's title the decision records.
        words = Vocabulary(lang="zh", short_titles={use.id: (use.title_zh, use.id) for use in decision.rulesets})
        warnings = [sentence_zh(w, decision, words, names) for w in deadline_warnings(decision)]
    body = DeadlineMemo(frame.case.suspect_name(), pending, missed, warnings)
    return frame.view(call, pending[0].due, body, list(dict.fromkeys(line.basis for line in pending)), [])


def summons_record(decision: Decision, case: CaseFacts, call: NoticeCall, lang: Lang) -> NoticeView:
    """Arrival, the Art. 119 limit(s) that apply or may, their end times, and the food-and-rest duty."""
    frame = Frame(decision, case, lang)
    outcomes = summons_outcomes(decision, call.subject)
    arrival = frame.case.event(int(call.subject.removeprefix("events[").rstrip("]")))
    measure = frame.case.arrival_measure(arrival)
    limits = [SummonsLimit(
        duty=o.duty, period=period(o.period, frame.lang), due=frame.at(o.due),
        alternative_due=frame.at(o.alternative_due) if o.alternative_due else None,
        applies=o.applies, applies_words=word(o.applies, frame.lang), status_words=word(o.status, frame.lang),
        ended_at=frame.at(o.met_at) if o.met_at else None, basis=frame.deadline_basis(o)) for o in outcomes]
    body = SummonsRecord(frame.case.suspect_name(), measure, frame.at(outcomes[0].anchor_at), limits,
                         sorted({f for o in outcomes for f in o.deciding_facts}))
    # The warrant the times are written on (PSP 2020 Art. 199 or 79); both when the case does not say.
    warrant = {"summons": ["summons_times_on_warrant"], "compelled_appearance": ["compelled_appearance_times_on_warrant"]}
    forms = ["summons_no_disguised_detention_food_rest", "summons_food_rest_recorded",
             *warrant.get(frame.case.arrival_kind(arrival) or "", warrant["summons"] + warrant["compelled_appearance"])]
    return frame.view(call, limits[0].due, body, list(dict.fromkeys(line.basis for line in limits)),
                      [frame.form_basis(key) for key in forms])
