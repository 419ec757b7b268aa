"""legalrules: rule-as-code answers for Chinese criminal procedure, each with its article.

    >>> from legalrules import Engine, load_case
    >>> decision = Engine().evaluate(load_case(path))

The public surface is what `__all__` lists; every other module is private.
"""

from __future__ import annotations

from ._case import CaseFacts
from ._caseio import load_case, parse_case
from ._decision import ConclusionOutcome, Decision, RuleOutcome
from ._evaluate import Engine
from ._interpretations import Interpretations
from ._loader import load_ruleset, load_rulesets
from .errors import (
    CaseFileError,
    EngineDisagreement,
    EngineFailure,
    InputError,
    InternalError,
    LegalRulesError,
    RulesetError,
    UnknownRuleError,
)

__version__ = "0.1.0"

__all__ = [
    "CaseFacts",
    "CaseFileError",
    "ConclusionOutcome",
    "Decision",
    "Engine",
    "EngineDisagreement",
    "EngineFailure",
    "InputError",
    "InternalError",
    "Interpretations",
    "LegalRulesError",
    "RuleOutcome",
    "RulesetError",
    "UnknownRuleError",
    "load_case",
    "load_ruleset",
    "load_rulesets",
    "parse_case",
]
