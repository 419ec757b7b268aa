"""From the engine's deciding facts to questions about the case: which field to ask, and how decisive it is.

The engine names the unknown facts that would decide an answer in the terms
rules use (`suspect.age_at_interrogation`, `interrogation.recording_storage`,
`offences[*].organised_crime`). An interview asks about fields of the case file
instead (`suspect.birth_date`, `interrogations[0].recording_storage`,
`offences[0].organised_crime`); this module maps one to the other. Derived
facts map to the field they come from; facts the case carries as lists or
events (whether an interrogation was interrupted, a court's request) are not
asked: the case gains them by adding the item, which an interview does not do.
"""

from __future__ import annotations

import re

from ..case.model import CaseFacts
from ..errors import InputError
from .fact_paths import FieldType, field_type, parse_path

# Derived facts, and the field of the case each is computed from.
_DERIVED = {
    "suspect.age_at_interrogation": "suspect.birth_date",
    "suspect.age_at_arrest_request": "suspect.birth_date",
    "offence.max_penalty": "statutory_max",
    "offence.max_fixed_term_years": "statutory_max",
}
# Facts that only a list item or an event in the case can make known.
_NOT_ASKED = {"offences", "interrogation.interrupted", "case.recording_requested_by_court_or_procuratorate",
              "interpretation.minor_suspect"}
_INTERROGATION = re.compile(r"^(interrogations\[\d+\])")


def case_paths(fact: str, subject: str, case: CaseFacts) -> list[str]:
    """The case fields to ask for to learn `fact` about `subject` (none when it cannot be asked)."""
    if fact in _NOT_ASKED:
        return []
    if fact.startswith("offences[*]."):
        name = fact.removeprefix("offences[*].")
        field = _DERIVED.get(f"offence.{name}", name)
        return [f"offences[{i}].{field}" for i, offence in enumerate(case.offences or [])
                if getattr(offence, field, None) is None]
    if fact == "suspect.age_at_offence":
        return _offence_age_paths(case)
    fact = _DERIVED.get(fact, fact)
    scope, _, rest = fact.partition(".")
    interrogation = _INTERROGATION.match(subject)
    if scope == "interrogation":
        if interrogation is None:
            return []
        if rest == "person_age":
            rest = "person_birth_date"
        return [f"{interrogation.group(1)}.{rest}"]
    if scope == "interruption":
        return [f"{subject}.{rest}"] if ".interruptions[" in subject else []
    return [fact]


def _offence_age_paths(case: CaseFacts) -> list[str]:
    """The suspect's age at the offence needs the birth date and every offence's date."""
    paths = [] if case.suspect.birth_date is not None else ["suspect.birth_date"]
    return paths + [f"offences[{i}].committed_on" for i, offence in enumerate(case.offences or [])
                    if offence.committed_on is None]


def asked_type(path: str) -> FieldType | None:
    """The type of a field an interview may ask for, or None when the model has no such scalar field."""
    try:
        found = field_type(parse_path(path, "ask"))
    except InputError:
        return None
    return None if found.kind in ("model", "list") else found
