"""legalrules: rule-as-code answers for Chinese criminal procedure, each with its article.

    >>> from legalrules import Engine, load_case, render_notice
    >>> case = load_case(path)
    >>> decision = Engine().evaluate(case)
    >>> print(render_notice(decision, case, "detention_family_notice", lang="en", fmt="md"))

The public surface is what `__all__` lists; every other module is private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .case.model import CaseFacts
from .case.io import load_case, parse_case
from .decision.model import ConclusionOutcome, Decision, RuleOutcome
from .engine.crosscheck import CrossCheck
from .engine.evaluate import Engine
from .interpretations import Interpretations
from .ruleformat.loader import load_ruleset, load_rulesets
from .errors import (
    CaseFileError,
    EngineDisagreement,
    EngineFailure,
    InputError,
    InternalError,
    LegalRulesError,
    NoticeRefused,
    RulesetError,
    UnknownRuleError,
)

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .documents.notices.render import notice_listing, render_notice


def __getattr__(name: str) -> Any:
    # Notices load jinja2 and the templates' helpers; importing them only when asked keeps
    # every other command (and `import legalrules`) as fast as before.
    if name in ("notice_listing", "render_notice"):
        from .documents.notices import render

        return getattr(render, name)
    raise AttributeError(f"module 'legalrules' has no attribute {name!r}")


__all__ = [
    "CaseFacts",
    "CaseFileError",
    "ConclusionOutcome",
    "CrossCheck",
    "Decision",
    "Engine",
    "EngineDisagreement",
    "EngineFailure",
    "InputError",
    "InternalError",
    "Interpretations",
    "LegalRulesError",
    "NoticeRefused",
    "RuleOutcome",
    "RulesetError",
    "UnknownRuleError",
    "load_case",
    "load_ruleset",
    "load_rulesets",
    "notice_listing",
    "parse_case",
    "render_notice",
]
