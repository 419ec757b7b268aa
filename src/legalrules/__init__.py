"""legalrules: rule-as-code answers for Chinese criminal procedure, each with its article.

    >>> from legalrules import Engine, load_case, render_notice
    >>> case = load_case(path)
    >>> decision = Engine().evaluate(case)
    >>> print(render_notice(decision, case, "detention_family_notice", lang="en", fmt="md"))

The public surface is what `__all__` lists; every other module is private.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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
    from .case.io import load_case, parse_case
    from .case.model import CaseFacts
    from .decision.model import ConclusionOutcome, Decision, RuleOutcome
    from .documents.notices.render import notice_listing, render_notice
    from .engine.crosscheck import CrossCheck
    from .engine.evaluate import Engine
    from .interpretations import Interpretations
    from .ruleformat.loader import load_ruleset, load_rulesets

# Each public name's module, imported when the name is first used: `import legalrules.case`
# (or the command line's `schema`) need not build the engine and the decision models, and
# notices load jinja2 only when asked for.
_LAZY = {
    "CaseFacts": ".case.model",
    "load_case": ".case.io",
    "parse_case": ".case.io",
    "ConclusionOutcome": ".decision.model",
    "Decision": ".decision.model",
    "RuleOutcome": ".decision.model",
    "CrossCheck": ".engine.crosscheck",
    "Engine": ".engine.evaluate",
    "Interpretations": ".interpretations",
    "load_ruleset": ".ruleformat.loader",
    "load_rulesets": ".ruleformat.loader",
    "notice_listing": ".documents.notices.render",
    "render_notice": ".documents.notices.render",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # once: later reads are plain attribute reads
        return value
    raise AttributeError(f"module 'legalrules' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
