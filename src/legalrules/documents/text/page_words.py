"""What the explorer page shows of a decision, said in one language as the command line says it.

The page draws the decision's own JSON (titles and citations in English, subjects by
position); in Chinese it reads these words instead: each conclusion's and deadline's
title, each subject by the case's name for it, each citation as the statute is cited,
each fact by its term, each deadline's status, and the violations in the sentences
`legalrules evaluate` prints.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ...case.model import CaseFacts
from ...decision.model import Decision
from ..deadline_lang import status_in
from ..fact_words import fact_said
from ..subjects import SubjectNames
from ..vocabulary import Lang, Vocabulary
from .answer import Screen


class PageWords(BaseModel):
    """A decision's titles, subjects, citations, deadline statuses and violations in one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: Lang
    conclusions: dict[str, str] = Field(description="`ruleset:conclusion` -> its title.")
    deadlines: dict[str, str] = Field(description="`rule_id:duty` -> its title.")
    subjects: dict[str, str] = Field(description="A decision subject (`interrogations[0]`) -> the case's name for it.")
    citations: dict[str, str] = Field(description="A decision citation (`av_2014 Art. 6`) -> as the reader cites it.")
    facts: dict[str, str] = Field(description="A fact a conclusion names (deciding, met, failed) -> as the reader names it.")
    statuses: list[str] = Field(description="Each deadline's status in a few words, in the decision's order.")
    violations: list[str] = Field(description="Each violation in a sentence, as `legalrules evaluate` says it.")


def page_words(decision: Decision, case: CaseFacts, words: Vocabulary) -> PageWords:
    """The words of `decision` on `case` in `words`' language."""
    lang = words.lang
    screen = Screen(decision, words, SubjectNames(case, lang))
    subjects = {o.subject for o in decision.conclusions} | {o.subject for o in decision.deadlines}
    citations = {rule.citation for o in decision.conclusions for rule in (*o.established_by, *o.not_established_by)}
    citations |= {o.citation for o in decision.deadlines}
    facts = {path for o in decision.conclusions for path in o.deciding_facts}
    facts |= {found.fact for o in decision.conclusions for rule in (*o.established_by, *o.not_established_by)
              for found in (*rule.satisfied_by, *([rule.why_not] if rule.why_not else [])) if found.fact}
    return PageWords(
        lang=lang,
        conclusions={f"{o.ruleset}:{o.conclusion}": screen.title(o) for o in decision.conclusions},
        deadlines={f"{o.rule_id}:{o.duty}": screen.deadline_title(o) for o in decision.deadlines},
        subjects={subject: screen.names.name(subject) for subject in sorted(subjects)},
        citations={citation: words.citation(citation) for citation in sorted(citations)},
        facts={path: fact_said(path, lang) for path in sorted(facts)},
        statuses=[status_in(o, lang) for o in decision.deadlines],
        violations=screen.violation_texts(),
    )
