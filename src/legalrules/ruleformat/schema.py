"""The shape of ruleset files: instrument metadata, parameters, conclusions, rules, index.

These models check structure and keys; `ruleformat.conditions` parses `when` blocks and
`ruleformat.loader` checks everything that spans files (references, cycles, the index).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..case.model import ExtensionBasis


class _Strict(BaseModel):
    # defer_build: a run that takes its rulesets from the compile cache never validates
    # a ruleset file, so it need not pay for building these validators at import.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Bilingual(_Strict):
    """A text in English and Chinese."""

    en: str
    zh: str


class Citation(_Strict):
    """Where in an instrument a rule or parameter comes from."""

    instrument: str | None = Field(default=None, description="Defaults to the ruleset's own.")
    article: int = Field(ge=1)
    paragraph: int | None = Field(default=None, ge=1)
    item: int | None = Field(default=None, ge=1)

    def rule_id(self, ruleset: str) -> str:
        """The rule id this citation calls for: `<ruleset>.art<N>[.<para>][.<item>]`."""
        parts = [f"art{self.article}", *(str(n) for n in (self.paragraph, self.item) if n is not None)]
        return ".".join([ruleset, *parts])

    def label(self, default_instrument: str) -> str:
        """`av_2014 Art. 4(1)(5)` style: article, paragraph, item."""
        text = f"{self.instrument or default_instrument} Art. {self.article}"
        if self.paragraph is not None:
            text += f" para. {self.paragraph}"
        if self.item is not None:
            text += f" item ({self.item})"
        return text


class Chain(_Strict):
    """A line of instruments, each replacing the last (the procuratorate's rules of criminal procedure)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Bilingual


class UnencodedInstrument(_Strict):
    """An instrument of a chain the project does not encode (its text is not among the sources).

    A decision names it when it governed a subject's date, and says it is not encoded.
    """

    instrument: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="An id for it, like a ruleset's.")
    title: Bilingual
    document_number: str | None = None
    effective_from: date
    effective_until: date = Field(description="Last day in force (inclusive).")
    basis: str = Field(min_length=1, description="Where its dates come from.")


class OrganScope(_Strict):
    """Whose cases an instrument governs: the handling organs it names, with the article that says so."""

    handling_organ: list[Literal["public_security", "procuratorate", "state_security", "court"]] = Field(min_length=1)
    citation: Citation
    quote: str = Field(min_length=1)


class Instrument(_Strict):
    """ruleset.yaml: the instrument a ruleset encodes, and its effective window."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Bilingual
    short_title: Bilingual | None = Field(
        default=None, description="How a citation names the instrument: `CPL` / `刑事诉讼法` (default: the title).")
    document_number: str
    issuing_body: Bilingual
    issued: date
    effective_from: date
    effective_until: date | None = Field(
        default=None, description="Last day in force (inclusive); null while in force."
    )
    chain: Chain | None = Field(
        default=None, description="The line of instruments this one belongs to; none: a line of its own.")
    supersedes: list[str | UnencodedInstrument] = Field(
        default_factory=list,
        description="What this instrument replaced, newest first: an encoded ruleset's id (then nothing "
        "after it: that ruleset names its own predecessors), or instruments not encoded, each ending the "
        "day before the next-newer one begins.")
    superseded_by: list[str | UnencodedInstrument] = Field(
        default_factory=list, description="What replaced it: an encoded ruleset's id or an instrument not "
        "encoded, beginning the day after this one's effective_until; empty while in force.")
    source: str = Field(description="The source text under shared/sources this ruleset quotes.")
    quote_language: Literal["en", "zh"]
    window_note: str | None = None
    binds: OrganScope | None = Field(
        default=None, description="The handling organs the instrument binds; a case another organ handles "
        "gets none of its conclusions or deadlines, and the decision says why.")
    rule_files: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _window_runs_forward(self) -> Instrument:
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise ValueError(f"effective_until {self.effective_until} is before effective_from "
                             f"{self.effective_from}; expected a window that ends on or after its start")
        return self


class Parameter(_Strict):
    """A named, cited value (a duration, an age, a threshold)."""

    description: str
    value: int | float | str
    unit: Literal["years", "days", "hours", "months", "yuan", "count"]
    citation: Citation
    quote: str


class ParameterFile(_Strict):
    """parameters.yaml."""

    parameters: dict[str, Parameter]


class ConclusionSpec(_Strict):
    """A conclusion (derived fact) the ruleset establishes: always tri-state."""

    scope: Literal["case", "interrogation", "interruption"]
    kind: Literal["finding", "obligation", "permission", "prohibition"]
    title: str
    title_zh: str | None = Field(default=None, description="The title in Chinese, for `--lang zh`.")
    complied_when: Any = Field(
        default=None,
        description="For an obligation: the condition on case facts that shows it was met.",
    )


class ConclusionFile(_Strict):
    """conclusions.yaml."""

    conclusions: dict[str, ConclusionSpec]


class Establishes(_Strict):
    """One conclusion a rule establishes, with the plain-language reason."""

    conclusion: str
    reason: str
    when: Any = Field(
        default=None,
        description="A further condition for this conclusion only, joined to the rule's own with 'all'.",
    )


def _both_languages(model: BaseModel, fields: tuple[str, ...]) -> None:
    """Raise unless each of `fields` that is given has its `_zh` twin, and each twin its English:
    every text an officer reads exists in both languages."""
    for name in fields:
        english, chinese = getattr(model, name), getattr(model, f"{name}_zh")
        if chinese is not None and english is None:
            raise ValueError(f"{name}_zh is given without {name}; expected both or neither")
        if english is not None and chinese is None:
            raise ValueError(f"{name} is given without {name}_zh; expected the same text in Chinese beside it")


class RuleSpec(_Strict):
    """One rule: cited, quoted, with its condition and what it establishes."""

    id: str
    title: str
    citation: Citation
    also_cites: list[Citation] = Field(default_factory=list)
    quote: str = Field(min_length=1)
    when: Any
    then: list[Establishes] = Field(min_length=1)
    exception_to: list[str] = Field(default_factory=list)
    interpretation: str | None = Field(
        default=None, description="How an ambiguous text was read, when it was."
    )
    interpretation_zh: str | None = Field(
        default=None, description="The interpretation in Chinese, for `--lang zh`: required beside `interpretation`."
    )

    @model_validator(mode="after")
    def _said_in_both_languages(self) -> RuleSpec:
        _both_languages(self, ("interpretation",))
        return self


MeasureKindName = Literal[
    "summons", "compelled_appearance", "detention", "arrest", "bail",
    "residential_surveillance", "designated_residence_surveillance",
]


class Anchor(_Strict):
    """What starts a deadline's clock: a measure's start, or an event.

    At least one of `measure` and `event` is given; the event kind must be one the
    case contract defines (checked by the loader). With `measure` alone, each measure
    of that kind starts a clock at its start. With `event` alone, each event of that
    kind does. With both, only events of that kind that name (by `measure`) a measure
    of that kind do: "counted from the suspect's arrival", for a compelled appearance.
    `decided_by` keeps only measures decided by that organ (for an event, the measure
    it names), so that a procuratorate rule does not time a public security measure.
    """

    measure: MeasureKindName | None = None
    event: str | None = None
    decided_by: Literal["public_security", "procuratorate", "state_security"] | None = None
    or_start_of: list[MeasureKindName] = Field(
        default_factory=list, description="For an event anchor: a measure of these kinds that no anchoring event names "
        "starts the clock at its own start (a summons recorded with a start but no arrival event).")
    held_in: MeasureKindName | None = Field(
        default=None, description="For an event anchor: only an event while the suspect is held in a measure of "
        "this kind (the measure the event names, else one running at the event's time) starts the clock.")
    joined: Literal["back_to_back", "back_to_back_only"] | None = Field(
        default=None, description="For a measure anchor: a measure that starts at or before the end of the one "
        "before it (no time between them) joins it, and the run is one clock from its first start, met by its last "
        "end (a period counted cumulatively). back_to_back_only: only runs of two or more measures start a clock.")
    from_measure_end: bool = Field(
        default=False, description="For an event anchor naming a measure: the clock starts when that measure ends "
        "(the release that executes the event's decision), or at the event if the measure ended before it; an "
        "event whose measure has no end yet starts no clock.")
    joined_kinds: list[MeasureKindName] = Field(
        default_factory=list, description="With joined: measures of these kinds join a run too (a compelled "
        "appearance right after a summons).")


class MetBy(_Strict):
    """What shows the duty was done: an event of a kind, the measure's end, or an interrogation.

    Exactly one is given. `measure_end`: the anchoring measure ended (its `end`); for an
    event anchor, the measure the anchoring event names (`events[].measure`), e.g. the
    summons an arrival for questioning is under. `interrogation`: an interrogation of the
    suspect (not an inquiry of a victim or witness) started at or after the anchor.
    """

    event: str | None = None
    measure_end: bool | None = None
    interrogation: bool | None = None
    extension_requested: bool | None = Field(
        default=None, description="With `before_expiry`: the anchoring measure's extension of that basis records "
        "when it was requested (measures[].extensions[].requested_at).")


class ExtensionOption(_Strict):
    """An extension the law allows, applied only when the case says it was approved.

    `adds` lengthens the period by a parameter; `total` replaces the period with a
    longer one (CPL Art. 91: "may be extended to 30 days").
    """

    basis: ExtensionBasis = Field(description="Matched against the case's measure extensions (Extension.basis).")
    title: str
    adds: str | None = None
    total: str | None = Field(
        default=None, description="The whole period when approved (延长至: 'to N days'): other approved "
        "extensions of the same deadline fall within it, never on top of it.")
    after: ExtensionBasis | None = Field(
        default=None, description="An extension granted only once this one ran out (CPL Art. 159 after Art. "
        "158): approved without it, it is not applied and the decision warns.")
    citation: Citation
    quote: str = Field(min_length=1)


class BeforeExpiry(_Strict):
    """A request for an extension, due a lead time before the period it would extend expires (在期限届满七日前).

    The period is the deadline's own `period` with the approved `extensions` listed before
    `extension` (those it would run on from); the clock runs only for a measure whose
    `extensions[]` list `extension`, since a case silent about seeking one shows no duty.
    """

    extension: ExtensionBasis = Field(description="The extension requested; it must be one of the deadline's `extensions`.")
    lead: str = Field(description="The parameter holding how long before the expiry the request is due (days).")


class DeadlineException(_Strict):
    """When the deadline does not run: an event in the case and/or a case condition.

    At least one of `event` and `when` is given; the exception applies when the event
    is in the case and the condition holds. With `resumes_on`, the duty returns when
    that event happens (e.g. notify once the obstacle to the investigation has ended)
    and is then due immediately.
    """

    title: str
    citation: Citation
    quote: str = Field(min_length=1)
    event: str | None = None
    when: Any = Field(default=None, description="A case-scope condition that must hold.")
    resumes_on: str | None = None


class DeadlineSpec(_Strict):
    """A time limit: anchor, cited period, custody or not, what meets it, extensions, exceptions."""

    id: str
    title: str
    title_zh: str | None = Field(default=None, description="The title in Chinese, for `--lang zh`.")
    duty: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="What is due, as a glossary-style name.")
    citation: Citation
    also_cites: list[Citation] = Field(default_factory=list)
    quote: str = Field(min_length=1)
    summary: str = Field(min_length=1, description="The clause in plain English, in our own words.")
    anchor: Anchor
    period: str = Field(description="The parameter holding the period (unit hours, days or months).")
    custody: bool = Field(description="The person is held in custody (在押) while the period runs.")
    met_by: list[MetBy] = Field(min_length=1)
    when: Any = Field(default=None, description="A case-scope condition: the deadline applies only when it holds.")
    extensions: list[ExtensionOption] = Field(default_factory=list)
    before_expiry: BeforeExpiry | None = Field(
        default=None, description="The deadline is a request for an extension, due `lead` before the period it would "
        "extend expires, and met by that extension's requested_at.")
    exceptions: list[DeadlineException] = Field(default_factory=list)
    if_missed: str | None = Field(default=None, description="What the law says follows a miss, when it says.")
    if_missed_zh: str | None = Field(default=None, description="`if_missed` in Chinese: required beside it.")
    interpretation: str | None = None
    interpretation_zh: str | None = Field(default=None, description="`interpretation` in Chinese: required beside it.")
    otherwise: str | None = Field(
        default=None, description="What governs a case item the anchor's held_in leaves out, said in the decision.")
    otherwise_zh: str | None = Field(default=None, description="`otherwise` in Chinese: required beside it.")
    judged_while_undetermined: bool = Field(
        default=False, description="The default limit of a pair chosen by case facts (CPL Art. 119: 12 hours unless "
        "the 24-hour case is shown): when its `when` is undetermined it is still judged, and a miss is undetermined.")

    @model_validator(mode="after")
    def _said_in_both_languages(self) -> DeadlineSpec:
        _both_languages(self, ("interpretation", "if_missed", "otherwise"))
        return self


class Chapter(_Strict):
    """The chapter or section a rule file mirrors."""

    number: int
    title: Bilingual


class RuleFile(_Strict):
    """One rule file: a chapter of the instrument and its rules."""

    chapter: Chapter
    rules: list[RuleSpec] = Field(default_factory=list)
    deadlines: list[DeadlineSpec] = Field(default_factory=list)


class ArticleEntry(_Strict):
    """How one article of the instrument is handled."""

    status: Literal["encoded", "informational", "out_of_scope", "missing_from_source"]
    summary: str
    rules: list[str] = Field(default_factory=list)
    encoded_as: str | None = Field(
        default=None,
        description="For an article encoded outside the rules (e.g. the effective date in ruleset.yaml).",
    )
    reason: str | None = None


class ArticleRange(_Strict):
    """A run of articles handled alike (not encoded), e.g. the chapters on trial procedure."""

    from_: int = Field(ge=1, alias="from")
    to: int = Field(ge=1)
    status: Literal["informational", "out_of_scope", "missing_from_source"]
    summary: str
    reason: str = Field(min_length=1)


class ArticleIndex(_Strict):
    """articles.yaml: every article of the instrument, accounted for, singly or in ranges."""

    article_count: int = Field(ge=1)
    articles: dict[int, ArticleEntry]
    ranges: list[ArticleRange] = Field(default_factory=list)

    def status_of(self, number: int) -> str | None:
        """How an article is handled, whether listed singly or in a range."""
        if number in self.articles:
            return self.articles[number].status
        for item in self.ranges:
            if item.from_ <= number <= item.to:
                return item.status
        return None
