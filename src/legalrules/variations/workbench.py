"""The explorer page's work, free of any web framework: examples, evaluating an edited case, articles.

The page keeps a case document and sends it whole with each change; the answer
is the decision, the facts the page can edit (see `editable`), and the
problems when the document is not a valid case, worded as for a case file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..case.instants import LOCAL_ZONE
from ..case.io import parse_case_document, validate_case_document
from ..case.model import CaseFacts
from ..case.yaml_lines import read_yaml_file
from ..decision.model import Decision
from ..engine.evaluate import Engine
from ..errors import CaseFileError, InputError
from ..paths import examples_dir
from .editable import EditableField, editable_fields
from .fact_paths import field_type, parse_path
from .overrides import plain

MAX_EXAMPLE_NAME = 100


class Evaluated(BaseModel):
    """What the page shows for one version of a case."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    decision: Decision | None = None
    fields: list[EditableField] = Field(default_factory=list)
    as_of_local: str | None = None
    problems: list[str] = Field(default_factory=list)


def example_names() -> list[str]:
    """The example cases, by file stem."""
    return sorted(path.stem for path in examples_dir().glob("*.yaml"))


def example_document(name: str) -> dict[str, Any]:
    """One example case as a document (InputError for a name that is not an example)."""
    if name not in example_names():
        raise InputError(f"example {name[:MAX_EXAMPLE_NAME]!r}: no such example; expected one of "
                         f"{', '.join(example_names())}")
    found: dict[str, Any] = plain(read_yaml_file(examples_dir() / f"{name}.yaml"))
    return found


SKELETON = "(new case)"


def skeleton_document() -> dict[str, Any]:
    """A new case to build in the page: public security, criminal, one offence and one interrogation, all else unknown."""
    return {"case": {"id": "new-case", "handling_organ": "public_security", "proceeding": "criminal"},
            "offences": [{"charge": "(charge)"}], "interrogations": [{"place": "law_enforcement_venue"}]}


def item_kinds() -> dict[str, list[Any]]:
    """The kinds of measure and event a trainer can add to a case in the page."""
    return {"measures": list(field_type(parse_path("measures[0].kind")).values),
            "events": list(field_type(parse_path("events[0].kind")).values)}


def parse_document(text: str, source: str) -> dict[str, Any]:
    """An uploaded case file's text as a document (CaseFileError when it is not one)."""
    found: dict[str, Any] = plain(parse_case_document(text, source))
    return found


def decide_document(decide: Callable[..., Decision], document: Any, source: str,
                    as_of: str | None) -> tuple[Evaluated, CaseFacts | None]:
    """Validate and evaluate an edited case, and the case it decided; invalid input gives the problems (and
    no case), not an error."""
    try:
        moment = _as_of(as_of)
        if not isinstance(document, dict):
            raise InputError(f"{source}: received {type(document).__name__}; expected a case document (a mapping)")
        case = validate_case_document(document, source)
    except CaseFileError as exc:
        return Evaluated(problems=[str(p) for p in exc.problems]), None
    except InputError as exc:
        return Evaluated(problems=[str(exc)]), None
    decision = decide(case, as_of=moment)
    return Evaluated(decision=decision, fields=editable_fields(document, case, decision),
                     as_of_local=decision.as_of.astimezone(LOCAL_ZONE).strftime("%Y-%m-%dT%H:%M")), case


def _as_of(text: str | None) -> datetime:
    if not text:
        return datetime.now(LOCAL_ZONE).replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"as_of: received {text[:40]!r}; expected an ISO 8601 date-time such as "
                         "2026-11-22T10:25:00+08:00") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=LOCAL_ZONE)


def article_index(engine: Engine, ruleset_id: str) -> dict[str, Any]:
    """A ruleset's instrument and its articles' handling and summaries, for the page's article panel."""
    ruleset = engine.ruleset(ruleset_id)
    instrument = ruleset.instrument
    articles: dict[str, Any] = {}
    if ruleset.articles is not None:
        for number, entry in ruleset.articles.articles.items():
            articles[str(number)] = {"status": entry.status, "summary": entry.summary, "rules": entry.rules}
        for span in ruleset.articles.ranges:
            for number in range(span.from_, span.to + 1):
                articles.setdefault(str(number), {"status": span.status, "summary": span.summary, "rules": []})
    return {"id": ruleset.id, "title_en": instrument.title.en, "title_zh": instrument.title.zh,
            "document_number": instrument.document_number, "articles": articles}
