"""`legalrules explain`: why one rule holds on a case, or which condition failed or is unknown."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from ...case.instants import LOCAL_ZONE
from ...case.io import load_case
from ...engine.explain_rule import explain_rule
from ...interpretations import Interpretations
from .language import LangOpt, chosen_lang
from ...documents.subjects import SubjectNames
from .common import (AgeCounting, AgeOpt, AsOf, CaseArg, RulesetsOpt, SubjectOpt, parse_as_of, load_engine,
                     run_and_print)

def explain(
    case_file: CaseArg,
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. av_2014.art4.1.5.")],
    as_of: AsOf = None,
    rulesets: RulesetsOpt = None,
    age_counting: AgeOpt = AgeCounting.from_day_after_birthday,
    lang: LangOpt = None,
    subject: SubjectOpt = None,
) -> None:
    """Explain one rule on a case: why it holds, or which condition failed or is unknown."""
    def run() -> str:
        case = load_case(case_file)
        moment = parse_as_of(as_of) or datetime.now(LOCAL_ZONE).replace(microsecond=0)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=LOCAL_ZONE)
        loaded = load_engine(rulesets)
        language = chosen_lang(lang)
        position = SubjectNames(case).resolve(subject) if subject is not None else None
        # Subjects by the case's own ids (`after-arrest`), as the answer names them.
        text = SubjectNames(case, language).relabel(explain_rule(
            loaded, case, rule_id, moment, Interpretations(age_counting=age_counting.value), language, position))
        from ...documents.text.rules import explained_en, explained_zh, rule_header_zh  # noqa: PLC0415
        ruleset = next(r for r in loaded.all_rulesets if any(rule.id == rule_id for rule in r.rules))
        if language == "en":
            return explained_en(ruleset, text)
        return "\n".join(rule_header_zh(ruleset, rule_id)) + "\n" + explained_zh(ruleset, text)
    run_and_print(run, lang=chosen_lang(lang))
