"""Which notices a decision calls for, and why; and the refusal, naming what is missing, for the rest.

Only the decision is read here: a notice is called for by a deadline or conclusion
the engine found, never by the raw facts. One notice is made per subject (a measure,
an interrogation, an arrival, or the whole case):

| kind | called for by |
|---|---|
| `detention_family_notice` | a crim_proc.art85.2 family_notification deadline (a detention) |
| `arrest_family_notice` | a crim_proc.art93.2 family_notification deadline (an arrest) |
| `designated_residence_family_notice` | a crim_proc.art75.2 family_notification deadline |
| `procuratorate_detention_family_notice` | a spp_2019.art123 family_notification deadline (the procuratorate's own detention), or before 2019-12-30 a spp_2012.art133.1 one |
| `procuratorate_arrest_family_notice` | a spp_2019.art301 family_notification deadline (an arrest in the procuratorate's own case), or before 2019-12-30 a spp_2012.art336 or spp_2012.art347 one |
| `late_notice_record` | one of those five that is missed (late, or not given) or excepted |
| `recording_memo` | an av_2014 recording_required conclusion on an interrogation |
| `deadline_memo` | at least one deadline pending at the decision's as_of |
| `summons_time_record` | a crim_proc.art119.2 deadline that applies, or may, to an arrival |

A family-notice deadline that is undetermined (its condition rests on an unknown
fact) calls for nothing: the notice would have to guess.

A notice made for a CPL duty also serves the public-security procedure rules' duty that
implements it (PSP 2020 Arts. 127, 145 and 113 for the family notices; Arts. 80 and 200
for the summons time record): when the decision has that duty on the same subject, the
notice cites it beside the CPL's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Literal, get_args

from ...decision.deadlines import DeadlineOutcome
from ..deadline_words import format_due, status_words
from ...decision.model import ConclusionOutcome, Decision
from ...errors import NoticeRefused

NoticeKind = Literal[
    "detention_family_notice",
    "arrest_family_notice",
    "designated_residence_family_notice",
    "procuratorate_detention_family_notice",
    "procuratorate_arrest_family_notice",
    "late_notice_record",
    "recording_memo",
    "deadline_memo",
    "summons_time_record",
]
KINDS: Final[tuple[NoticeKind, ...]] = get_args(NoticeKind)


@dataclass(frozen=True)
class FamilyRule:
    """The deadline rule behind a family notice, and the measure it concerns."""

    rule_id: str
    measure: Literal["detention", "arrest", "designated_residence_surveillance"]
    needs: str = ""  # what else the deadline needs, for the refusal
    implemented_by: tuple[str, ...] = ()
    # The same duty under the instruments this one superseded, which call for the same notice
    # on their own dates (the 2012 trial rules before SPP 2019): one chain, one notice kind.
    earlier: tuple[str, ...] = ()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The rule in force today, then the earlier rules of its chain that called for the same notice."""
        return (self.rule_id, *self.earlier)


FAMILY_RULES: Final[dict[NoticeKind, FamilyRule]] = {
    "detention_family_notice": FamilyRule("crim_proc.art85.2", "detention", implemented_by=("psp_2020.art127.1",)),
    "arrest_family_notice": FamilyRule("crim_proc.art93.2", "arrest", implemented_by=("psp_2020.art145.1",)),
    "designated_residence_family_notice": FamilyRule(
        "crim_proc.art75.2", "designated_residence_surveillance", implemented_by=("psp_2020.art113.1",)),
    # The procuratorate's own notices: its detentions, and arrests in cases it investigates itself,
    # under SPP 2019 from 2019-12-30 and under the 2012 trial rules from 2013-01-01 to 2019-12-29.
    "procuratorate_detention_family_notice": FamilyRule(
        "spp_2019.art123", "detention", ", decided_by: procuratorate, in a case the procuratorate handles, "
        "dated from 2019-12-30 (from 2013-01-01 to 2019-12-29: spp_2012.art133.1)", earlier=("spp_2012.art133.1",)),
    "procuratorate_arrest_family_notice": FamilyRule(
        "spp_2019.art301", "arrest", ", decided_by: procuratorate, in a case the procuratorate handles, "
        "dated from 2019-12-30 (from 2013-01-01 to 2019-12-29: spp_2012.art336, or spp_2012.art347 at the provincial "
        "level and above)", earlier=("spp_2012.art336", "spp_2012.art347")),
}
FAMILY_DUTY: Final = "family_notification"
SUMMONS_DUTIES: Final = ("summons_or_compelled_appearance_end", "summons_or_compelled_appearance_end_especially_major")
SUMMONS_RULE: Final = "crim_proc.art119.2"
# The CPL Art. 119 limits, then the PSP 2020 limits that implement them for public security.
SUMMONS_LIMITS: Final = (
    *((SUMMONS_RULE, duty) for duty in SUMMONS_DUTIES),
    ("psp_2020.art80.1", "compelled_appearance_end"), ("psp_2020.art80.1", "compelled_appearance_end_especially_major"),
    ("psp_2020.art200.1", "summons_end"), ("psp_2020.art200.1", "summons_end_especially_major"),
)
RECORDING: Final = ("av_2014", "recording_required")


@dataclass(frozen=True)
class NoticeCall:
    """A notice the decision calls for: its kind, the subject it is about, and why."""

    kind: NoticeKind
    subject: str
    why: str


def _deadline_line(outcome: DeadlineOutcome) -> str:
    return f"{outcome.citation}: {outcome.title}; due {format_due(outcome.due)}, {status_words(outcome)}"


def family_outcomes(decision: Decision, kind: NoticeKind) -> list[DeadlineOutcome]:
    """The family-notification deadlines behind one family-notice kind, undetermined ones left out."""
    rule = FAMILY_RULES[kind]
    return [o for o in decision.deadlines if o.rule_id in rule.rule_ids and o.duty == FAMILY_DUTY
            and o.applies == "true" and o.status != "undetermined"]


def implementing_outcomes(decision: Decision, kind: NoticeKind, subject: str) -> list[DeadlineOutcome]:
    """The organ's own rules' family-notification deadlines on the same measure, which the notice also serves."""
    rule = FAMILY_RULES[kind]
    return [o for o in decision.deadlines if o.rule_id in rule.implemented_by and o.duty == FAMILY_DUTY
            and o.subject == subject and o.applies == "true"]


def late_outcomes(decision: Decision) -> list[tuple[NoticeKind, DeadlineOutcome]]:
    """The family notices given late, not given by their due time, or lifted by an exception."""
    return [(kind, o) for kind in FAMILY_RULES for o in family_outcomes(decision, kind)
            if o.status in ("missed", "excepted")]


def recording_conclusions(decision: Decision) -> list[ConclusionOutcome]:
    """The recording_required conclusions, one per interrogation av_2014 applied to."""
    return [c for c in decision.conclusions if (c.ruleset, c.conclusion) == RECORDING]


def summons_outcomes(decision: Decision, subject: str | None = None) -> list[DeadlineOutcome]:
    """The CPL Art. 119 limits on arrivals for questioning that apply or may apply (not those that do not),
    then the PSP 2020 limits that implement them, when public security handles the case."""
    order = {limit: n for n, limit in enumerate(SUMMONS_LIMITS)}
    found = [o for o in decision.deadlines if (o.rule_id, o.duty) in order
             and o.applies != "false" and subject in (None, o.subject)]
    # The CPL's first: a record is called for by the Art. 119 limit and also serves the PSP's.
    return sorted(found, key=lambda o: order[(o.rule_id, o.duty)])


def pending_outcomes(decision: Decision) -> list[DeadlineOutcome]:
    """The deadlines still open at the decision's as_of, by due time."""
    return [o for o in decision.deadlines if o.status == "pending"]


def _calls(decision: Decision) -> Iterator[NoticeCall]:
    for kind in FAMILY_RULES:
        for outcome in family_outcomes(decision, kind):
            also = "".join(f"; also {_deadline_line(o)}" for o in implementing_outcomes(decision, kind, outcome.subject))
            yield NoticeCall(kind, outcome.subject, _deadline_line(outcome) + also)
    for kind, outcome in late_outcomes(decision):
        what = "given late" if outcome.status == "missed" and outcome.met_at else (
            "not given by its due time" if outcome.status == "missed" else "lifted by an exception")
        yield NoticeCall("late_notice_record", outcome.subject,
                         f"the {kind.removesuffix('_notice').replace('_', ' ')} notice was {what}: "
                         + _deadline_line(outcome))
    for conclusion in recording_conclusions(decision):
        rules = ", ".join(r.citation for r in conclusion.established_by) or "no rule establishes it"
        yield NoticeCall("recording_memo", conclusion.subject,
                         f"av_2014 decides whether it must be recorded: {conclusion.value} ({rules})")
    pending = pending_outcomes(decision)
    if pending:
        yield NoticeCall("deadline_memo", "case",
                         f"{len(pending)} deadline(s) pending; the first due {format_due(pending[0].due)}")
    seen: set[str] = set()
    for outcome in summons_outcomes(decision):
        if outcome.rule_id == SUMMONS_RULE and outcome.subject not in seen:
            seen.add(outcome.subject)
            limits = summons_outcomes(decision, outcome.subject)
            yield NoticeCall("summons_time_record", outcome.subject,
                             f"{outcome.anchor} at {format_due(outcome.anchor_at)}; limit "
                             + " or ".join(f"{o.period} ({o.applies})" for o in limits if o.rule_id == SUMMONS_RULE)
                             + "".join(f"; also {o.citation}: {o.period} ({o.applies})"
                                       for o in limits if o.rule_id != SUMMONS_RULE))


def notice_calls(decision: Decision) -> list[NoticeCall]:
    """Every notice the decision calls for, in the order of KINDS, then by subject as the decision lists it."""
    return sorted(_calls(decision), key=lambda call: KINDS.index(call.kind))


def _not_started(decision: Decision, *rule_ids: str) -> str | None:
    for item in decision.deadlines_not_started:
        if item.rule_id in rule_ids:
            return item.missing
    return None


def refusal(decision: Decision, kind: NoticeKind) -> str:
    """Why the decision calls for no notice of this kind: what is missing, in the decision's words."""
    head = f"case {decision.case_id} calls for no {kind}"
    if kind in FAMILY_RULES:
        rule = FAMILY_RULES[kind]
        missing = _not_started(decision, *rule.rule_ids)
        found = [o for o in decision.deadlines if o.rule_id in rule.rule_ids and o.duty == FAMILY_DUTY]
        if found:
            facts = sorted({f for o in found for f in o.deciding_facts})
            return (f"{head}: whether the {found[0].rule_id} family notice applies is undetermined; "
                    f"it would be decided by {', '.join(facts) or 'facts the case leaves out'}")
        return (f"{head}: the decision has no {rule.rule_id} family-notification deadline"
                + (f" ({missing})" if missing else "")
                + f"; it needs a measure of kind {rule.measure} with its start time in measures[]{rule.needs}")
    if kind == "late_notice_record":
        given = [o for k in FAMILY_RULES for o in family_outcomes(decision, k)]
        if not given:
            return f"{head}: the decision has no family-notification deadline (no detention, arrest or " \
                   "designated-residence surveillance with a start time in measures[])"
        return f"{head}: every family notice is in time or still pending: " + "; ".join(
            f"{o.subject} {o.citation} {status_words(o)}" for o in given)
    if kind == "recording_memo":
        reasons = [n.reason for r in decision.rulesets if r.id == RECORDING[0]
                   for n in r.not_applied]
        return f"{head}: the decision has no av_2014 conclusion on whether the interrogation must be recorded" + (
            "; " + "; ".join(reasons) if reasons else "; av_2014 was not consulted")
    if kind == "deadline_memo":
        counts: dict[str, int] = {}
        for outcome in decision.deadlines:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        shown = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in sorted(counts.items())) or "no deadlines at all"
        return f"{head}: no deadline is pending as of {format_due(decision.as_of)} ({shown})"
    missing = _not_started(decision, SUMMONS_RULE)
    return (f"{head}: the decision has no {SUMMONS_RULE} summons or compelled-appearance limit that applies"
            + (f" ({missing})" if missing else "")
            + "; it needs an arrived_for_questioning event with its time in events[]")


def notice_kind(text: str) -> NoticeKind:
    """A notice kind by name, or NoticeRefused listing the kinds there are."""
    for kind in KINDS:
        if kind == text:
            return kind
    raise NoticeRefused(f"--kind: received {text!r}; expected one of {', '.join(KINDS)}")


def choose(decision: Decision, kind: NoticeKind, subject: str | None = None) -> NoticeCall:
    """The one call of this kind (and subject, if given), or NoticeRefused naming what is missing."""
    kind = notice_kind(kind)  # a caller from Python may pass any string
    found = [call for call in notice_calls(decision) if call.kind == kind]
    if not found:
        raise NoticeRefused(refusal(decision, kind))
    if subject is not None:
        for call in found:
            if call.subject == subject:
                return call
        raise NoticeRefused(f"case {decision.case_id} calls for no {kind} on {subject}; it calls for one on "
                            + ", ".join(call.subject for call in found))
    if len(found) > 1:
        raise NoticeRefused(f"case {decision.case_id} calls for {len(found)} {kind} notices ("
                            + ", ".join(call.subject for call in found) + "); choose one with --subject")
    return found[0]
