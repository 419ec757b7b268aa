"""What a notice shows, prepared from the decision (and the case's particulars) in one language.

A view holds only finished words: instants, citations and names are already in
the notice's language, so the templates only place them. Every view ends the same
way: the legal bases from the decision (citation and quote), the form clauses the
document itself rests on, the ruleset versions the decision used, and each
particular taken from the case file, by field. The three family notices and the
late-notice record share one body (`FamilyNotice`); the memos are in `documents.notices.memos`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ...case.model import CaseFacts
from ...decision.deadlines import DeadlineOutcome
from ...decision.model import Decision, RuleOutcome
from .calls import FAMILY_RULES, NoticeCall, NoticeKind, family_outcomes, implementing_outcomes, late_outcomes
from .particulars import CaseParticulars, Particular, event_index
from .law import CLAUSES, LATE_REASON, NOTICE_CONTENT, RULE_CONTENT, RULE_LATE, FormClause
from .words import Lang, citation, citation_ruleset, duration, instant, is_chinese, word


@dataclass(frozen=True)
class Basis:
    """A legal basis as a notice cites it: where, the quoted words, and (in English) what they say."""

    citation: str
    quote: str
    quote_in_chinese: bool
    gloss: str | None = None


@dataclass(frozen=True)
class RulesetLine:
    """A ruleset the decision used: its instrument and the version (content hash) that answered."""

    id: str
    title: str
    document_number: str
    version: str


@dataclass(frozen=True)
class NoticeView:
    """Everything one notice shows, in one language; `body` is the kind's own part."""

    kind: NoticeKind
    lang: Lang
    case_id: str
    as_of: str
    subject: str
    key_time: str
    body: Any
    bases: list[Basis]
    form_bases: list[Basis]
    rulesets: list[RulesetLine]
    from_case: list[Particular]
    # The official header: the issuing organ's name and the document number (文号), from the case.
    organ_name: str | None = None
    document_number: str | None = None


@dataclass(frozen=True)
class FamilyNotice:
    """A family notice of a custody or designated-residence measure, or the record of its lateness."""

    measure: str
    suspect_name: Particular
    family: Particular | None
    charges: Particular | None
    deciding_organ: Particular
    place_of_custody: Particular | None
    started: str
    due: str
    status: str
    status_words: str
    notified_at: str | None
    late_by: str | None
    exception: str | None
    reason: Particular | None


class Frame:
    """The parts every notice of one decision shares: language, instrument titles, the case's particulars."""

    def __init__(self, decision: Decision, case: CaseFacts, lang: Lang) -> None:
        self.decision, self.lang = decision, lang
        self.case = CaseParticulars(case, decision, lang)
        self.header = (case.case.organ_name, case.case.document_number)
        self._titles = {r.id: (r.title_zh if lang == "zh" else r.title_en) for r in decision.rulesets}

    def at(self, moment: datetime) -> str:
        return instant(moment, self.lang)

    def cite(self, text: str) -> str:
        """A decision citation under its instrument's title in the notice's language."""
        ruleset = citation_ruleset(text)
        return citation(text, self.lang, self._titles.get(ruleset, ruleset))

    def deadline_basis(self, outcome: DeadlineOutcome) -> Basis:
        chinese = is_chinese(outcome.quote)
        gloss = outcome.summary if chinese and self.lang == "en" else None
        return Basis(self.cite(outcome.citation), outcome.quote, chinese, gloss)

    def rule_basis(self, rule: RuleOutcome) -> Basis:
        chinese = is_chinese(rule.quote)
        return Basis(self.cite(rule.citation), rule.quote, chinese, rule.title if chinese and self.lang == "en" else None)

    def form_basis(self, key: str) -> Basis:
        """A form clause (not in the decision), cited like the decision's own; in English with our rendering."""
        clause: FormClause = CLAUSES[key]
        where = f"{key} Art. {clause.article}" + (f" para. {clause.paragraph}" if clause.paragraph else "")
        title = clause.instrument.title_zh if self.lang == "zh" else clause.instrument.title_en
        return Basis(citation(where, self.lang, title), clause.quote_zh, True,
                     clause.gloss_en if self.lang == "en" else None)

    def view(self, call: NoticeCall, key_time: str, body: Any, bases: list[Basis],
             form_bases: list[Basis]) -> NoticeView:
        # Only the rulesets that applied to something: one consulted but out of its window
        # (the 1999 rules for a 2026 case) did not answer anything in the notice.
        rulesets = [RulesetLine(r.id, self._titles[r.id], r.document_number, r.version)
                    for r in self.decision.rulesets if r.applied_to]
        return NoticeView(call.kind, self.lang, self.decision.case_id, self.at(self.decision.as_of), call.subject,
                          key_time, body, bases, form_bases, rulesets, list(self.case.used), *self.header)


def _outcome(decision: Decision, kind: NoticeKind, subject: str) -> DeadlineOutcome:
    for outcome in family_outcomes(decision, kind):
        if outcome.subject == subject:
            return outcome
    raise LookupError(f"no {kind} deadline on {subject}")  # choose() found it: unreachable


def _family_body(frame: Frame, kind: NoticeKind, outcome: DeadlineOutcome, notice: bool) -> FamilyNotice:
    """The body of the family notice itself (`notice`), or of the record of its lateness (no addressee,
    charges or place of custody: the record is for the file, not the family)."""
    rule = FAMILY_RULES[kind]
    case, lang = frame.case, frame.lang
    measure = case.measure(outcome.subject, rule.measure)
    # The particulars in the order the notice shows them (the sources list keeps this order).
    name = case.suspect_name()
    notified = event_index(outcome.met_by) if outcome.met_at else None
    family = case.family_addressee(notified) if notice else None
    charges = case.charges() if notice else None
    place = (case.place_of_custody(outcome.subject, measure)
             if notice and rule.measure != "designated_residence_surveillance" else None)
    organ = case.deciding_organ(outcome.subject, measure)
    exception, reason = None, None
    if outcome.status == "excepted":
        index = event_index(outcome.exception)
        exception = word(case.event(index).kind, lang, case.event(index).kind) if index is not None else None
        reason = case.event_note("late_reason", index)
    elif outcome.status == "missed":
        # A notice given late: its own event's note says why; one never given has no event to ask.
        reason = case.event_note("late_reason", event_index(outcome.met_by) if outcome.met_at else None)
    late_by = (duration(outcome.late_by_seconds, lang)
               if outcome.status == "missed" and outcome.late_by_seconds is not None else None)
    return FamilyNotice(
        measure=rule.measure, suspect_name=name, family=family, charges=charges, deciding_organ=organ,
        place_of_custody=place, started=frame.at(outcome.anchor_at), due=frame.at(outcome.due),
        status=outcome.status, status_words=word(outcome.status, lang),
        notified_at=frame.at(outcome.met_at) if outcome.met_at else None,
        late_by=late_by, exception=exception, reason=reason,
    )


def family_notice(decision: Decision, case: CaseFacts, call: NoticeCall, lang: Lang) -> NoticeView:
    """A family notice (detention, arrest, designated residence), or the record of a late one."""
    frame = Frame(decision, case, lang)
    kind = call.kind
    if kind == "late_notice_record":
        kind = next(k for k, o in late_outcomes(decision) if o.subject == call.subject)
    outcome = _outcome(decision, kind, call.subject)
    body = _family_body(frame, kind, outcome, notice=call.kind != "late_notice_record")
    forms = [frame.form_basis(RULE_CONTENT.get(outcome.rule_id, NOTICE_CONTENT[body.measure]))]
    # PSP 2020 asks for the reason of a late detention or arrest notice (Arts. 127, 145), but
    # under designated residence only for a notice that was impossible (Art. 113 para. 4).
    # The procuratorate's rules ask no late notice to say why: for an impossible detention notice
    # they want the reason on file and notice once possible (SPP 2019 Art. 123 para. 2, 2012 Art. 133
    # para. 2), for an arrest notice once possible (SPP 2019 Art. 301; 2012 Arts. 336, 347).
    if outcome.rule_id in RULE_LATE:
        late = RULE_LATE[outcome.rule_id]
        if late is not None and body.status == "excepted":
            forms.append(frame.form_basis(late))
    elif body.reason is not None and (body.status == "excepted" or body.measure != "designated_residence_surveillance"):
        forms.append(frame.form_basis(LATE_REASON[body.measure]))
    # The CPL duty, then the public-security rules' duty it also serves (PSP 2020), each quoted.
    also = implementing_outcomes(decision, kind, call.subject)
    return frame.view(call, body.due, body, [frame.deadline_basis(o) for o in [outcome, *also]], forms)
