"""A ruleset checked against its source text: the source file exists and every quote is in it, verbatim.

Each rule, parameter, deadline, extension and exception quotes the clause it encodes.
`legalrules check` runs this on every ruleset so that a quote edited by hand (or a
`source:` pointing at a file that is not there) is caught where rulesets are checked,
not only by the test suite. Whitespace is compared loosely (line breaks in YAML
block scalars are not the source's), everything else exactly.

The sources live outside the package, in `shared/sources/` beside the checkout;
`LEGALRULES_SHARED` names that `shared` directory elsewhere.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .compiled import CompiledRuleset


@dataclass(frozen=True)
class SourceProblem:
    """One quote not found in the source, or a source that is missing: file, line, rule id, what."""

    file: str
    line: int | None
    rule_id: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}{f' (rule {self.rule_id})' if self.rule_id else ''}: {self.message}"


def shared_dir(rulesets_root: Path) -> Path:
    """The `shared` directory the rulesets' `source:` paths start from."""
    chosen = os.environ.get("LEGALRULES_SHARED")
    return Path(chosen) if chosen else rulesets_root.resolve().parent.parent / "shared"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


Quoted = tuple[str, int | None, str | None, str, str]


def _quotes(ruleset: CompiledRuleset) -> list[Quoted]:
    """(file, line, rule id, what, quote) for every quote of the ruleset."""
    directory = ruleset.directory
    found: list[Quoted] = [(str(directory / rule.file), rule.line, rule.id, "quote", rule.quote) for rule in ruleset.rules]
    params = str(directory / "parameters.yaml")
    found += [(params, None, None, f"parameter {name}'s quote", p.quote) for name, p in ruleset.parameters.items()]
    for deadline in ruleset.deadlines:
        where = (str(directory / deadline.file), deadline.line, deadline.id)
        found.append((*where, f"deadline {deadline.spec.duty}'s quote", deadline.spec.quote))
        found += [(*where, f"extension {e.option.basis}'s quote", e.option.quote) for e in deadline.extensions]
        found += [(*where, f"exception '{x.spec.title}''s quote", x.spec.quote) for x in deadline.exceptions]
    return found


def source_problems(ruleset: CompiledRuleset, shared: Path) -> list[SourceProblem]:
    """Every quote of `ruleset` missing from its source text, or the missing source itself."""
    meta = str(ruleset.directory / "ruleset.yaml")
    path = shared / ruleset.instrument.source.removeprefix("shared/")
    if not path.is_file():
        return [SourceProblem(meta, None, None, f"source: {ruleset.instrument.source!r} does not exist "
                              f"(looked for {path}); expected a file under {shared / 'sources'}")]
    text = _flat(path.read_text(encoding="utf-8"))
    problems = []
    for file, line, rule_id, what, quote in _quotes(ruleset):
        if _flat(quote) not in text:
            shown = _flat(quote)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            problems.append(SourceProblem(file, line, rule_id, f"{what} {shown!r} is not in the source "
                                          f"{ruleset.instrument.source} (expected the clause word for word)"))
    return problems
