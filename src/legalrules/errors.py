"""The exceptions legalrules raises, one tree so callers can catch at the right depth.

    LegalRulesError
    ├── InputError                 bad input from the user; the CLI exits 2
    │   ├── CaseFileError          a case file that cannot be read, parsed or validated
    │   ├── HolidayFileError       reserved for user-supplied holiday files
    │   ├── UnknownRuleError       a rule id or ruleset id that does not exist
    │   └── NoticeRefused          a notice the decision does not support (names what is missing)
    ├── RulesetError               a ruleset file that cannot be loaded (file, line, rule id)
    └── InternalError              a bug in legalrules itself; the CLI exits 1
        ├── EngineDisagreement     durable-rules and the native evaluator disagree
        └── EngineFailure          the durable-rules engine raised or crashed a session

Every message says what was received, what was expected, and where.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any


class LegalRulesError(Exception):
    """Base of every error legalrules raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is, what was received, what was expected.

    `location` is the whole place in words (`case.yaml:12 suspect.birth_date`); `file`,
    `line` and `field` are its parts, for programs (None where not known).
    """

    location: str
    received: str
    expected: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready object (every attribute, by name)."""
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.location}: received {self.received}; expected {self.expected}"


SHOWN_PROBLEMS = 20  # a message lists this many problems, then says how many more there are


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """The problems as message lines: the first `SHOWN_PROBLEMS`, then how many more."""
    lines = [f"  - {p}" for p in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"  ... and {len(problems) - SHOWN_PROBLEMS} more problem(s)")
    return lines


class InputError(LegalRulesError):
    """Input the user can fix; the CLI prints it and exits 2.

    `problems` lists what is wrong, each with `file`, `line` and `field` of its own
    (a case or holiday file's errors); an error about an option or a name has none.
    """

    problems: tuple[Problem, ...] = ()


class CaseFileError(InputError):
    """A case file that cannot be read, parsed or validated."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        lines = [f"{source}: the case file is not valid ({len(self.problems)} problem(s))"]
        lines += problem_lines(self.problems)
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[CaseFileError], tuple[str, tuple[Problem, ...]]]:
        # Pickled as its arguments, so it crosses from an evaluate_many worker intact.
        return (type(self), (self.source, self.problems))


class HolidayFileError(InputError):
    """A user-supplied holiday file that cannot be used."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        lines = [f"{source}: the holiday file is not valid ({len(self.problems)} problem(s))"]
        lines += problem_lines(self.problems)
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[HolidayFileError], tuple[str, tuple[Problem, ...]]]:
        return (type(self), (self.source, self.problems))


class UnknownRuleError(InputError):
    """A rule id or ruleset id that is not loaded."""


class NoticeRefused(InputError):
    """A notice asked for that the decision does not support, e.g. an arrest notice with no arrest."""


class RulesetError(LegalRulesError):
    """A ruleset file that cannot be loaded; names file, line and rule id."""

    def __init__(self, file: str, line: int | None, rule_id: str | None, message: str) -> None:
        self.file = file
        self.line = line
        self.rule_id = rule_id
        self.message = message
        where = file if line is None else f"{file}:{line}"
        if rule_id:
            where += f" (rule {rule_id})"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[RulesetError], tuple[str, int | None, str | None, str]]:
        return (type(self), (self.file, self.line, self.rule_id, self.message))


class InternalError(LegalRulesError):
    """A bug in legalrules; the CLI prints it and exits 1."""


class EngineDisagreement(InternalError):
    """The two evaluators gave different values for the same conclusion."""

    def __init__(self, differences: Sequence[str]) -> None:
        self.differences = tuple(differences)
        body = "\n".join(f"  - {d}" for d in self.differences)
        super().__init__(
            "internal error: durable-rules and the native evaluator disagree; "
            f"no answer is given:\n{body}"
        )

    def __reduce__(self) -> tuple[type[EngineDisagreement], tuple[tuple[str, ...]]]:
        return (type(self), (self.differences,))


class EngineFailure(InternalError):
    """The durable-rules engine raised while evaluating a case."""
